/**
 * Requests for the fuzzer: drafts generated from an operation's schemas, mutated into what no
 * route should take, and turned into what `app.request` sends (and what a failure prints).
 */
import fc from 'fast-check';
import { FILE, valueOf, type Operation, type Spec } from './fuzz-values.ts';

/** A request before it is sent: what the fuzzer generated and then mutated. */
export interface Draft {
  who: string;
  credential: 'session' | 'token';
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body:
    | { kind: 'json' | 'form'; value: unknown }
    | { kind: 'raw'; contentType: string | undefined; text: string }
    | { kind: 'none' };
  mutation: string;
}

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

const encode = (v: unknown) => {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
  // A lone surrogate cannot be percent-encoded as UTF-8; send the bytes it would have been.
  return s
    .split(/(\p{Cs})/u)
    .map((part) => (/^\p{Cs}$/u.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');
};

export function urlOf(op: Operation, d: Draft): string {
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

export function bodyOf(d: Draft): { body?: string | FormData; contentType?: string } {
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
export function shown(op: Operation, d: Draft, index: number, seed: number): string {
  const { body, contentType } = bodyOf(d);
  const text =
    body instanceof FormData
      ? JSON.stringify([...body.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : `File(${v.name})`]))
      : String(body ?? '(none)');
  const cut = text.length > 600 ? `${text.slice(0, 600)}… (${text.length} characters)` : text;
  return [
    `${op.method.toUpperCase()} ${op.path} as ${d.who}${d.who === 'anonymous' ? '' : ` (${d.credential})`}, mutation ${d.mutation}, case ${index}, seed ${seed}`,
    `  ${op.method.toUpperCase()} ${urlOf(op, d).slice(0, 600)}`,
    `  content-type: ${contentType ?? '(multipart or none)'}`,
    `  body: ${cut}`,
  ].join('\n');
}

/**
 * Requests that would end the credentials the fuzzer itself uses, and so leave the rest of the run
 * anonymous: logging out ends a session, and everywhere (`?everywhere=true`) every token too;
 * revoking a token may end the fuzzer's own. They are sent without credentials. Everything else
 * goes as every role, with a session or a token.
 */
const endsCredentials = (op: Operation) =>
  op.path.endsWith('/auth/logout') || (op.method === 'delete' && op.path.startsWith('/api/v1/auth/'));

/** Requests for one operation as the callers given: generated from its schemas, then mutated. */
export function draftsOf(spec: Spec, op: Operation, callers: readonly string[]): fc.Arbitrary<Draft> {
  const param = (where: 'path' | 'query') =>
    fc.record(
      Object.fromEntries(op.parameters.filter((p) => p.in === where).map((p) => [p.name, valueOf(spec, p.schema)])),
      {
        requiredKeys: op.parameters
          .filter((p) => p.in === where && (p.required || where === 'path'))
          .map((p) => p.name),
      },
    );
  const who = endsCredentials(op) ? fc.constant('anonymous') : fc.constantFrom(...callers);
  const kinds: Draft['credential'][] = ['session', 'token'];
  const credential = fc.constantFrom(...kinds);
  const body = op.body
    ? valueOf(spec, op.body.schema).map((value) => ({ kind: op.body!.kind, value }))
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
