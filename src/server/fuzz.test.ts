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
import { bodyOf, draftsOf, shown, urlOf } from './fuzz-requests.ts';
import { operationsOf, type Doc } from './fuzz-values.ts';
import { deliveryFixtures, recognitionFixtures } from './test-fixtures.ts';

const SEED = Number(process.env.HUIQI_FUZZ_SEED ?? 20261207);
const RUNS = Number(process.env.HUIQI_FUZZ_RUNS ?? 10_000);

/** The seeded roles and a national reviewer, who sees every region. */
const WHO = [...ROLES, 'nationalReviewer'] as const;

/** Values the platform knows (set once it runs), so that generated requests reach past the lookups. */
const known: string[] = [];

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
  known.push(FIRM_A.uscc, FIRM_B.uscc, FIRM_A.regionCode, '320200', 'C3562', ...policies.items.map((p) => p.id));
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
      const drafts = fc.sample(draftsOf({ doc, known }, op, WHO), { seed: SEED + i, numRuns: perOp });
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
        if (res.status >= 500) failures.push(`${res.status}: ${text.slice(0, 200)}\n${shown(op, d, index, SEED)}`);
        else if (res.status === 400 && !namesAField(text))
          failures.push(`400 naming no field: ${text.slice(0, 300)}\n${shown(op, d, index, SEED)}`);
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
