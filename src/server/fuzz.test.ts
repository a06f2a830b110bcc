/**
 * The API fuzzed from its own OpenAPI document: for every operation, requests generated from its
 * path, query and body schemas, and mutations of them (wrong types, missing and extra fields, NUL
 * and lone surrogates, huge strings and numbers, deep nesting, bad dates and ids, wrong content
 * types, empty and malformed bodies), sent as every role with a real session or API token. No
 * answer may be a 5xx, and every 400 must name the field at fault. A new route is fuzzed as soon as
 * it is in the document.
 *
 * HUIQI_FUZZ_SEED picks the seed (a failure prints it with the request), HUIQI_FUZZ_RUNS the number
 * of requests (10,000 by default).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../platform/auth.ts';
import { CSRF_HEADER } from '../platform/http.ts';
import { FIRM_A, FIRM_B, PASSWORD, ROLES, testApp, type TestApp } from './test-app.ts';
import { deliveryFixtures, recognitionFixtures } from './test-fixtures.ts';

const SEED = Number(process.env.HUIQI_FUZZ_SEED ?? 20261207);
const RUNS = Number(process.env.HUIQI_FUZZ_RUNS ?? 10_000);

/** The seeded roles and a national reviewer, who sees every region. */
const WHO = [...ROLES, 'nationalReviewer'] as const;
type Who = (typeof WHO)[number];

interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  pattern?: string;
  format?: string;
  example?: unknown;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: Schema;
}

interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: { required: boolean; kind: 'json' | 'form'; schema: Schema };
}

interface Doc {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: OperationBody }>>;
  components?: { schemas?: Record<string, Schema> };
}
interface OperationBody {
  required?: boolean;
  content: Record<string, { schema: Schema }>;
}

/** A request before it is sent: what the fuzzer generated and then mutated. */
interface Draft {
  who: Who;
  credential: 'session' | 'token';
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body:
    | { kind: 'json' | 'form'; value: unknown }
    | { kind: 'raw'; contentType: string | undefined; text: string }
    | { kind: 'none' };
  mutation: string;
}

/** Where a schema asks for a file: a small PDF is sent. */
const FILE = '(file)';

// ---- values from schemas -------------------------------------------------------------------

/** Values the platform knows, so that generated requests also reach past the lookups. */
let known: string[] = [];

function resolve(doc: Doc, s: Schema): Schema {
  if (!s.$ref) return s;
  return doc.components?.schemas?.[s.$ref.replace('#/components/schemas/', '')] ?? {};
}

const dates = fc.oneof(
  fc.constantFrom('2026-06-30', '2025-12-31', '2026-01-01'),
  fc
    .date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);

function stringOf(s: Schema): fc.Arbitrary<unknown> {
  if (s.format === 'binary') return fc.constant(FILE);
  if (s.pattern === '^\\d{1,16}$') return fc.oneof(fc.integer({ min: 1, max: 12 }).map(String), fc.constant('1'));
  if (s.pattern) return fc.oneof(fc.stringMatching(new RegExp(s.pattern)), fc.constantFrom(...known));
  const text = fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 24, 24), unit: 'grapheme' });
  return fc.oneof({ arbitrary: text, weight: 2 }, { arbitrary: fc.constantFrom(...known), weight: 2 }, dates);
}

function valueOf(doc: Doc, schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(doc, schema);
  const generated = generatedValue(doc, s, depth);
  return s.example === undefined ? generated : fc.oneof(fc.constant(s.example), generated);
}

function generatedValue(doc: Doc, s: Schema, depth: number): fc.Arbitrary<unknown> {
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => valueOf(doc, a, depth)));
  if (s.allOf?.length) return valueOf(doc, s.allOf[0]!, depth);
  if (Array.isArray(s.type)) return fc.oneof(...s.type.map((type) => valueOf(doc, { ...s, type }, depth)));
  switch (s.type) {
    case 'string':
      return stringOf(s);
    case 'integer': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -5);
      const max = Math.min(s.maximum ?? min + 1000, min + 1_000_000);
      // Small values often: ids and versions of the records there are.
      return fc.oneof(fc.integer({ min, max: Math.min(max, min + 3) }), fc.integer({ min, max }));
    }
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e9, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valueOf(doc, s.items ?? {}, depth + 1), {
        minLength: s.minItems ?? 0,
        maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)),
      });
    case 'object':
      return objectOf(doc, s, depth);
    default:
      return depth > 2 ? fc.constant(null) : fc.jsonValue({ maxDepth: 2 });
  }
}

function objectOf(doc: Doc, s: Schema, depth: number): fc.Arbitrary<unknown> {
  const props = s.properties ?? {};
  const record = fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, valueOf(doc, v, depth + 1)])), {
    requiredKeys: (s.required ?? []).filter((k) => k in props),
  });
  if (!s.additionalProperties || Object.keys(props).length) return record;
  const extra = typeof s.additionalProperties === 'object' ? s.additionalProperties : {};
  return fc.dictionary(
    fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...known)),
    valueOf(doc, extra, depth + 1),
    {
      maxKeys: 4,
    },
  );
}

// ---- mutations -----------------------------------------------------------------------------

let deep: unknown = 0;
for (let i = 0; i < 5000; i++) deep = [deep];
const HUGE = ['x'.repeat(100_000), '惠'.repeat(40_000), 'a'.repeat(2001)];

/** Values no field should take, each of which once made some route fail. */
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '%00', '', ' ', 'null', '../..', "' or 1=1 --"),
  fc.constantFrom('0x10', '1e3', '-1', '0', '+7', '1.5', '99999999999999999999', '2147483648', 'NaN'),
  fc.constantFrom('2026-02-30', '2026-13-01', '0000-00-00', '2026-6-1', '99999-01-01', '2026-06-30T00:00:00Z'),
  fc.constantFrom(1e308, -1e308, 2 ** 31, 2 ** 53 + 2, 0.5, -1, 0, 1e13 + 1),
  fc.constantFrom(null, true, false, [], {}, [[[]]], { a: { b: {} } }, deep),
  fc.constantFrom(...HUGE),
  fc.string({ minLength: 2001, maxLength: 2100, unit: 'binary' }),
);

/** Every place a value sits in a draft: path param, query param, or a field of the body. */
function places(d: Draft): { get: () => unknown; set: (v: unknown) => void; drop: () => void }[] {
  const found: { get: () => unknown; set: (v: unknown) => void; drop: () => void }[] = [];
  const under = (holder: Record<string, unknown> | unknown[], depth: number) => {
    for (const key of Object.keys(holder)) {
      const h = holder as Record<string, unknown>;
      found.push({ get: () => h[key], set: (v) => (h[key] = v), drop: () => delete h[key] });
      const v = h[key];
      if (v && typeof v === 'object' && depth < 4) under(v as Record<string, unknown>, depth + 1);
    }
  };
  under(d.params, 0);
  under(d.query, 0);
  if ((d.body.kind === 'json' || d.body.kind === 'form') && d.body.value && typeof d.body.value === 'object')
    under(d.body.value as Record<string, unknown>, 0);
  return found;
}

type Mutation = (d: Draft, pick: number, value: unknown) => void;

const MUTATIONS: Record<string, Mutation> = {
  none: () => {},
  replace: (d, pick, value) => {
    const all = places(d);
    all[pick % Math.max(all.length, 1)]?.set(value);
  },
  drop: (d, pick) => {
    const all = places(d);
    all[pick % Math.max(all.length, 1)]?.drop();
  },
  extraField: (d, _pick, value) => {
    if (d.body.kind === 'json' && d.body.value && typeof d.body.value === 'object')
      (d.body.value as Record<string, unknown>).extra = value;
    else d.query.extra = value;
  },
  wholeBody: (d, _pick, value) => {
    d.body = { kind: 'json', value };
  },
  noBody: (d) => {
    d.body = { kind: 'none' };
  },
  emptyJson: (d) => {
    d.body = { kind: 'raw', contentType: 'application/json', text: '' };
  },
  malformedJson: (d, pick) => {
    const texts = ['{"a":', '[1,2', 'nul', '{"a":1}}', '"\\ud800"', '['.repeat(100_000)];
    d.body = { kind: 'raw', contentType: 'application/json', text: texts[pick % texts.length]! };
  },
  wrongContentType: (d, pick) => {
    const types = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/xml'];
    const value = d.body.kind === 'json' || d.body.kind === 'form' ? d.body.value : {};
    d.body = { kind: 'raw', contentType: types[pick % types.length], text: JSON.stringify(value) ?? '' };
  },
  formAsJson: (d) => {
    if (d.body.kind === 'form') d.body = { kind: 'json', value: d.body.value };
    else if (d.body.kind === 'json') d.body = { kind: 'form', value: d.body.value };
  },
};

const BODY_MUTATIONS = new Set(['wholeBody', 'noBody', 'emptyJson', 'malformedJson', 'wrongContentType', 'formAsJson']);

// ---- sending -------------------------------------------------------------------------------

const encode = (v: unknown) => {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
  // A lone surrogate cannot be percent-encoded as UTF-8; send the bytes it would have been.
  return s
    .split(/(\p{Cs})/u)
    .map((part) => (/^\p{Cs}$/u.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');
};

function urlOf(op: Operation, d: Draft): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => encode(d.params[name] ?? ''));
  const q: string[] = [];
  for (const [k, v] of Object.entries(d.query)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) q.push(`${encodeURIComponent(k)}=${encode(item)}`);
  }
  return q.length ? `${path}?${q.join('&')}` : path;
}

const PDF = '%PDF-1.4\n%%EOF\n';

function formOf(value: unknown): FormData {
  const form = new FormData();
  const fields = value && typeof value === 'object' ? Object.entries(value) : [['value', value]];
  for (const [k, v] of fields as [string, unknown][]) {
    if (v === FILE) form.append(k, new File([PDF], '材料.pdf', { type: 'application/pdf' }));
    else if (typeof v === 'string' && k === 'file') form.append(k, new File([PDF], v || 'x.pdf'));
    else form.append(k, typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
  }
  return form;
}

function bodyOf(d: Draft): { body?: string | FormData; contentType?: string } {
  switch (d.body.kind) {
    case 'none':
      return {};
    case 'raw':
      return { body: d.body.text, ...(d.body.contentType ? { contentType: d.body.contentType } : {}) };
    case 'json':
      return {
        body: JSON.stringify(d.body.value) ?? 'null',
        contentType: 'application/json',
      };
    case 'form':
      return { body: formOf(d.body.value) };
  }
}

/** What a reviewer of the request needs to send it again. */
function shown(op: Operation, d: Draft, index: number): string {
  const { body, contentType } = bodyOf(d);
  const text =
    body instanceof FormData
      ? JSON.stringify([...body.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : `File(${v.name})`]))
      : String(body ?? '(none)');
  const cut = text.length > 600 ? `${text.slice(0, 600)}… (${text.length} characters)` : text;
  return [
    `${op.method.toUpperCase()} ${op.path} as ${d.who}${d.who === 'anonymous' ? '' : ` (${d.credential})`}, mutation ${d.mutation}, case ${index}, seed ${SEED}`,
    `  ${op.method.toUpperCase()} ${urlOf(op, d).slice(0, 600)}`,
    `  content-type: ${contentType ?? '(multipart or none)'}`,
    `  body: ${cut}`,
  ].join('\n');
}

// ---- the run -------------------------------------------------------------------------------

function operationsOf(doc: Doc): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths))
    for (const [method, o] of Object.entries(item)) {
      const content = o.requestBody?.content ?? {};
      const json = content['application/json']?.schema;
      const form = content['multipart/form-data']?.schema;
      const body = json ?? form;
      ops.push({
        method,
        path,
        parameters: o.parameters ?? [],
        ...(body ? { body: { required: !!o.requestBody?.required, kind: json ? 'json' : 'form', schema: body } } : {}),
      });
    }
  return ops;
}

/**
 * Requests that would end the credentials the fuzzer itself uses, and so leave the rest of the run
 * anonymous: logging out ends a session (sent with tokens instead), revoking a token may end the
 * fuzzer's own (sent without credentials). Everything else goes as every role, either way.
 */
const endsSessions = (op: Operation) => op.path.endsWith('/auth/logout');
const endsTokens = (op: Operation) => op.method === 'delete' && op.path.startsWith('/api/v1/auth/');

function draftsOf(doc: Doc, op: Operation): fc.Arbitrary<Draft> {
  const param = (where: 'path' | 'query') =>
    fc.record(
      Object.fromEntries(op.parameters.filter((p) => p.in === where).map((p) => [p.name, valueOf(doc, p.schema)])),
      {
        requiredKeys: op.parameters
          .filter((p) => p.in === where && (p.required || where === 'path'))
          .map((p) => p.name),
      },
    );
  const who = endsTokens(op) ? fc.constant<Who>('anonymous') : fc.constantFrom(...WHO);
  const kinds: Draft['credential'][] = endsSessions(op) ? ['token'] : ['session', 'token'];
  const credential = fc.constantFrom(...kinds);
  const body = op.body
    ? valueOf(doc, op.body.schema).map((value) => ({ kind: op.body!.kind, value }))
    : fc.constant({ kind: 'none' as const });
  // A GET carries no body, so only its path and query are mutated.
  const others = Object.keys(MUTATIONS).filter(
    (m) => m !== 'none' && m !== 'replace' && (op.method !== 'get' || !BODY_MUTATIONS.has(m)),
  );
  const mutation = fc.oneof(
    { arbitrary: fc.constant('none'), weight: 4 },
    { arbitrary: fc.constant('replace'), weight: 6 },
    { arbitrary: fc.constantFrom(...others), weight: 4 },
  );
  return fc
    .record({
      who,
      credential,
      params: param('path'),
      query: param('query'),
      body,
      mutation,
      pick: fc.nat(),
      value: nasty,
    })
    .map(({ pick, value, ...d }) => {
      const draft = structuredClone({ ...d, body: d.body as Draft['body'] }) as Draft;
      MUTATIONS[draft.mutation]!(draft, pick, value);
      return draft;
    });
}

let t: TestApp;
const credentials = new Map<string, Record<string, string>>();

beforeAll(async () => {
  t = await testApp();
  await createUser(t.platform.db, {
    username: 'nationalReviewer',
    password: PASSWORD,
    role: 'reviewer',
    displayName: '工业和信息化部',
    regionCode: '000000',
    level: 'national',
  });
  for (const who of WHO) {
    if (who === 'anonymous') continue;
    const session = await t.login(who);
    credentials.set(`${who} session`, { cookie: session.cookie, [CSRF_HEADER]: session.csrfToken });
    const res = await session.send('/api/v1/auth/tokens', { method: 'POST', json: { name: 'fuzz' } });
    const { token } = (await res.json()) as { token: string };
    credentials.set(`${who} token`, { authorization: `Bearer ${token}` });
  }
  await recognitionFixtures(t);
  await deliveryFixtures(t);
  const policies = (await (await t.request('/api/v1/policies')).json()) as { items: { id: string }[] };
  known = [FIRM_A.uscc, FIRM_B.uscc, FIRM_A.regionCode, '320200', 'C3562', ...policies.items.map((p) => p.id)];
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('fuzzing every operation of the OpenAPI document', () => {
  it(`answers ${RUNS} generated and mutated requests without a 5xx, and names the field of every 400`, async () => {
    const doc = (await (await t.request('/api/v1/openapi.json')).json()) as Doc;
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThan(50);
    const perOp = Math.ceil(RUNS / ops.length);
    const failures: string[] = [];
    const seen = { requests: 0, roles: new Set<string>(), statuses: new Map<number, number>() };
    const started = performance.now();
    for (const [i, op] of ops.entries()) {
      const drafts = fc.sample(draftsOf(doc, op), { seed: SEED + i, numRuns: perOp });
      for (const [index, d] of drafts.entries()) {
        const { body, contentType } = bodyOf(d);
        const headers: Record<string, string> = {
          ...(d.who === 'anonymous' ? {} : credentials.get(`${d.who} ${d.credential}`)),
          ...(contentType ? { 'content-type': contentType } : {}),
        };
        // Each request from its own loopback address, so per-address limits see many callers.
        const n = seen.requests++;
        const env = { incoming: { socket: { remoteAddress: `127.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` } } };
        const res = await t.app.request(urlOf(op, d), { method: op.method.toUpperCase(), headers, body }, env);
        seen.roles.add(d.who);
        seen.statuses.set(res.status, (seen.statuses.get(res.status) ?? 0) + 1);
        const text = await res.text();
        if (res.status >= 500) failures.push(`${res.status}: ${text.slice(0, 200)}\n${shown(op, d, index)}`);
        else if (res.status === 400 && !namesAField(text))
          failures.push(`400 naming no field: ${text.slice(0, 300)}\n${shown(op, d, index)}`);
      }
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `fuzzed ${seen.requests} requests over ${ops.length} operations as ${seen.roles.size} roles in ${seconds} s (seed ${SEED}); answers: ${JSON.stringify(Object.fromEntries(seen.statuses))}`,
    );
    for (const f of failures.slice(0, 30)) console.log(f);
    // Every credential still works: the run was not anonymous from some point on.
    for (const [name, headers] of credentials)
      expect((await t.app.request('/api/v1/auth/me', { headers })).status, `${name} after the run`).toBe(200);
    expect(seen.requests).toBeGreaterThanOrEqual(RUNS);
    expect(seen.roles.size).toBe(WHO.length);
    expect(failures.length, `${failures.length} failing requests (the first are printed above)`).toBe(0);
  }, 600_000);
});

function namesAField(text: string): boolean {
  try {
    const body = JSON.parse(text) as { error?: { details?: { field?: string }[] } };
    const details = body.error?.details ?? [];
    return details.length > 0 && details.every((d) => typeof d.field === 'string' && d.field.length > 0);
  } catch {
    return false;
  }
}
