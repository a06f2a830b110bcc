/**
 * Sessions, tokens and the login limits; the calculator's limit; how malformed, unsupported and oversized requests are
 * answered; the public calculator's errors; health, the OpenAPI document and the reference page;
 * and that the API evaluates exactly as the command line does.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { trustedProxies } from '../platform/addresses.ts';
import {
  ACCOUNT_LIMIT,
  ADDRESS_LIMIT,
  createUser,
  FREE_FAILURES,
  LOGIN_WINDOW_MINUTES,
  PAIR_LIMIT,
  TOKEN_DAYS,
} from '../platform/auth.ts';
import { CSRF_HEADER } from '../platform/http.ts';
import { apiTokens, auditLog } from '../platform/schema.ts';
import { CALCULATOR_LIMIT } from '../policy/routes.ts';
import { FIRM_A, PASSWORD, testApp, type Send, type TestApp } from './test-app.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLE = 'examples/profile.json';

let t: TestApp;
/** Requests from 10.x.x.x are a reverse proxy's, naming the client in X-Forwarded-For. */
const PROXY = '10.0.0.5';
beforeAll(async () => {
  t = await testApp();
  t.platform.trustedProxies = trustedProxies('10.0.0.0/8');
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const error = async (res: Response) => ((await res.json()) as { error: { code: string; details?: unknown } }).error;
const login = (username: string, password: string) =>
  t.request('/api/v1/auth/login', { method: 'POST', json: { username, password } });

describe(`sessions and tokens on ${process.env.HUIQI_TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('logs in with an HttpOnly SameSite session cookie and returns the CSRF token', async () => {
    const res = await login('firm', PASSWORD);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { csrfToken: string; user: { username: string; role: string; uscc: string } };
    expect(body.user).toMatchObject({ username: 'firm', role: 'enterprise', uscc: FIRM_A.uscc });
    expect(body.csrfToken).toMatch(/^[\w-]{16,}$/);
    const cookies = res.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('huiqi_session='));
    expect(session).toBeDefined();
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=(Lax|Strict)/i);
    expect(session).toMatch(/;\s*Path=\//i);
    // The CSRF cookie is for the page's script to read, so it is not HttpOnly.
    const csrf = cookies.find((c) => c.startsWith('huiqi_csrf='));
    expect(csrf?.startsWith(`huiqi_csrf=${body.csrfToken};`), csrf).toBe(true);
    expect(csrf).not.toMatch(/HttpOnly/i);
  });

  it('refuses a change from a cookie session without its CSRF token', async () => {
    const s = await t.login('firm');
    const change = (headers: Record<string, string>) =>
      t.request('/api/v1/auth/tokens', { method: 'POST', json: { name: 'csrf check' }, headers });
    const missing = await change({ cookie: s.cookie });
    expect(missing.status).toBe(403);
    expect((await error(missing)).code).toBe('csrf_failed');
    const wrong = await change({ cookie: s.cookie, [CSRF_HEADER]: 'not-the-token' });
    expect(wrong.status).toBe(403);
    expect((await error(wrong)).code).toBe('csrf_failed');
    expect((await change({ cookie: s.cookie, [CSRF_HEADER]: s.csrfToken })).status).toBe(201);
    // Reading needs no token.
    expect((await t.request('/api/v1/auth/me', { headers: { cookie: s.cookie } })).status).toBe(200);
  });

  it('accepts a bearer token without CSRF and refuses a bad one', async () => {
    const firm = await t.bearer('firm');
    const me = await firm('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ username: 'firm' });
    const write = await firm(`/api/v1/enterprises/${FIRM_A.uscc}/facts`, {
      method: 'POST',
      json: { facts: { years: { '2025': { rdStaff: 12 } } } },
    });
    expect(write.status, await write.clone().text()).toBe(200);
    for (const token of ['hq_not-a-token', 'garbage']) {
      const bad = await t.request('/api/v1/auth/me', { headers: { authorization: `Bearer ${token}` } });
      expect(bad.status).toBe(401);
      expect((await error(bad)).code).toBe('bad_token');
    }
  });

  it('ends the session on logout', async () => {
    const s = await t.login('reviewer');
    expect((await s.send('/api/v1/auth/me')).status).toBe(200);
    const out = await s.send('/api/v1/auth/logout', { method: 'POST' });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().find((c) => c.startsWith('huiqi_session='))).toMatch(/Max-Age=0/i);
    const after = await s.send('/api/v1/auth/me');
    expect(after.status).toBe(401);
    expect((await error(after)).code).toBe('unauthenticated');
  });
});

describe('failed logins', () => {
  let n = 0;
  /** A fresh account for each test, so its failures are its own. */
  async function account(): Promise<string> {
    const username = `login-test-${++n}`;
    await createUser(t.platform.db, { username, password: PASSWORD, displayName: '登录测试', role: 'bank' });
    return username;
  }
  const from =
    (address: string, forwardedFor?: string) =>
    (username: string, password = PASSWORD) =>
      t.request('/api/v1/auth/login', {
        method: 'POST',
        json: { username, password },
        from: address,
        ...(forwardedFor ? { headers: { 'x-forwarded-for': forwardedFor } } : {}),
      });
  /** Failed logins in the log (account, address) as if made a minute ago, without waiting out their delays. */
  const pastFailures = (attempts: [username: string, address: string][]) =>
    t.platform.db.insert(auditLog).values(
      attempts.map(([subjectId, ip]) => ({
        action: 'auth.login_failed',
        subjectType: 'user',
        subjectId,
        ip,
        at: new Date(Date.now() - 60_000),
      })),
    );
  const refusal = async (res: Response) => ({
    status: res.status,
    code: (await error(res)).code,
    retryAfter: Number(res.headers.get('retry-after')),
  });

  it('answers the first wrong passwords at once, then makes each next attempt wait longer', async () => {
    const username = await account();
    const guess = from('198.51.100.20');
    for (let i = 1; i <= FREE_FAILURES; i++) {
      const res = await guess(username, `wrong-password-${i}`);
      expect(res.status, `failure ${i}`).toBe(401);
      expect((await error(res)).code).toBe('bad_credentials');
    }
    // Even the right password waits: the attempt is refused before the password is checked.
    expect(await refusal(await guess(username))).toEqual({ status: 429, code: 'login_slowed', retryAfter: 1 });
    await t.platform.db
      .insert(auditLog)
      .values(
        [1, 2].map(() => ({ action: 'auth.login_failed', subjectId: username, ip: '198.51.100.20', at: new Date() })),
      );
    const later = await refusal(await guess(username));
    expect(later).toMatchObject({ status: 429, code: 'login_slowed' });
    expect(later.retryAfter).toBeGreaterThanOrEqual(3); // 4 s after the fifth failure
    expect(later.retryAfter).toBeLessThanOrEqual(4);
  });

  it('lets the owner log in while an attacker elsewhere is locked out of the account', async () => {
    const username = await account();
    await pastFailures(Array.from({ length: PAIR_LIMIT }, () => [username, '198.51.100.21'] as [string, string]));
    const attacker = await refusal(await from('198.51.100.21')(username));
    expect(attacker).toMatchObject({ status: 429, code: 'too_many_attempts' });
    expect(attacker.retryAfter).toBeGreaterThan(0);
    expect(attacker.retryAfter).toBeLessThanOrEqual(LOGIN_WINDOW_MINUTES * 60);
    expect((await from('192.0.2.10')(username)).status).toBe(200);
  });

  it('locks an account flooded from many addresses, but not from an address it has logged in from', async () => {
    const username = await account();
    expect((await from('192.0.2.11')(username)).status).toBe(200);
    await pastFailures(
      Array.from({ length: ACCOUNT_LIMIT }, (_, i) => [username, `198.51.${101 + (i >> 8)}.${i & 255}`]),
    );
    expect(await refusal(await from('192.0.2.12')(username))).toMatchObject({ status: 429, code: 'too_many_attempts' });
    expect((await from('192.0.2.11')(username)).status).toBe(200);
  });

  it('locks an address that tries many accounts, but lets in the accounts used from there', async () => {
    const [regular, other] = [await account(), await account()];
    const office = '192.0.2.13';
    expect((await from(office)(regular)).status).toBe(200);
    await pastFailures(Array.from({ length: ADDRESS_LIMIT }, (_, i) => [`sprayed-${i}`, office]));
    expect(await refusal(await from(office)(other))).toMatchObject({ status: 429, code: 'too_many_attempts' });
    expect((await from(office)(regular)).status).toBe(200);
    expect((await from('192.0.2.14')(other)).status).toBe(200);
  });

  it('counts the client a trusted proxy names, not the proxy, and believes no one else’s header', async () => {
    const username = await account();
    const attacker = from(PROXY, '203.0.113.30');
    for (let i = 0; i < FREE_FAILURES; i++) await attacker(username, 'wrong-password');
    expect((await attacker(username)).status).toBe(429);
    // Another client behind the same proxy is not held up.
    expect((await from(PROXY, '203.0.113.31')(username)).status).toBe(200);
    const logged = async (res: Response) => {
      expect(res.status).toBe(200);
      const [row] = await t.platform.db
        .select({ ip: auditLog.ip })
        .from(auditLog)
        .where(eq(auditLog.action, 'auth.login'))
        .orderBy(desc(auditLog.id))
        .limit(1);
      return row!.ip;
    };
    // The right-most hop not a proxy: what the client wrote to the left of it is ignored.
    expect(await logged(await from(PROXY, '192.0.2.99, 203.0.113.32, 10.0.0.6')(username))).toBe('203.0.113.32');
    expect(await logged(await from('198.51.100.22', '203.0.113.33')(username))).toBe('198.51.100.22');
  });
});

describe('API tokens', () => {
  const issue = async (send: Send, body: Record<string, unknown> = {}) => {
    const res = await send('/api/v1/auth/tokens', { method: 'POST', json: { name: 'test token', ...body } });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as { id: number; token: string; expiresAt: string; readOnly: boolean };
  };
  const withToken =
    (token: string) =>
    (path: string, o: Parameters<Send>[1] = {}) =>
      t.request(path, { ...o, headers: { authorization: `Bearer ${token}`, ...o.headers } });
  const listed = async (send: Send, query = '') => {
    const res = await send(`/api/v1/auth/tokens${query}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: { id: number; username: string; lastUsedAt: string | null }[] }).items;
  };
  const DAY = 86_400_000;

  it(`expires in ${TOKEN_DAYS} days unless another span is asked for, up to a year`, async () => {
    const firm = await t.as('firm');
    const soon = Date.now();
    const plain = await issue(firm);
    expect(Math.abs(Date.parse(plain.expiresAt) - soon - TOKEN_DAYS * DAY)).toBeLessThan(60_000);
    const week = await issue(firm, { days: 7 });
    expect(Math.abs(Date.parse(week.expiresAt) - soon - 7 * DAY)).toBeLessThan(60_000);
    const tooLong = await firm('/api/v1/auth/tokens', { method: 'POST', json: { name: 'x', days: 400 } });
    expect(tooLong.status).toBe(400);
    expect((await error(tooLong)).details).toEqual([expect.objectContaining({ field: 'days' })]);
    // A token past its expiry is refused.
    await t.platform.db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.id, week.id));
    expect((await withToken(week.token)('/api/v1/auth/me')).status).toBe(401);
  });

  it('cannot mint a token: only a browser session can', async () => {
    const { token } = await issue(await t.as('provider'));
    const res = await withToken(token)('/api/v1/auth/tokens', { method: 'POST', json: { name: 'minted' } });
    expect(res.status).toBe(403);
    expect((await error(res)).code).toBe('token_cannot_issue');
  });

  it('is listed to its owner and administrators, and revoked by them (audited); a stranger finds none', async () => {
    const [firm, bank, admin] = [await t.as('firm'), await t.as('bank'), await t.as('admin')];
    const mine = await issue(firm, { name: 'ERP 对接' });
    expect((await listed(firm)).map((x) => x.id)).toContain(mine.id);
    expect((await listed(firm)).every((x) => x.username === 'firm')).toBe(true);
    expect((await listed(bank)).map((x) => x.id)).not.toContain(mine.id);
    expect((await listed(admin, '?all=true')).find((x) => x.id === mine.id)).toMatchObject({ username: 'firm' });
    expect((await firm('/api/v1/auth/tokens?all=true')).status).toBe(403);
    const stranger = await bank(`/api/v1/auth/tokens/${mine.id}`, { method: 'DELETE' });
    expect(stranger.status).toBe(404);
    expect((await withToken(mine.token)('/api/v1/auth/me')).status).toBe(200);
    expect((await admin(`/api/v1/auth/tokens/${mine.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await withToken(mine.token)('/api/v1/auth/me')).status).toBe(401);
    const own = await issue(firm);
    expect((await firm(`/api/v1/auth/tokens/${own.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await firm(`/api/v1/auth/tokens/${own.id}`, { method: 'DELETE' })).status).toBe(404);
    const revocations = await t.platform.db.select().from(auditLog).where(eq(auditLog.action, 'auth.token_revoked'));
    expect(revocations.map((r) => [r.username, r.subjectId, (r.detail as { token: number }).token])).toEqual(
      expect.arrayContaining([
        ['admin', 'firm', mine.id],
        ['firm', 'firm', own.id],
      ]),
    );
  });

  it('shows when it was last used, writing that at most once a minute', async () => {
    const firm = await t.as('firm');
    const { id, token } = await issue(firm);
    const lastUsed = async () =>
      (await t.platform.db.select().from(apiTokens).where(eq(apiTokens.id, id)))[0]!.lastUsedAt?.getTime();
    expect(await lastUsed()).toBeUndefined();
    await withToken(token)('/api/v1/auth/me');
    const first = await lastUsed();
    expect(first).toBeDefined();
    for (let i = 0; i < 3; i++) await withToken(token)('/api/v1/auth/me');
    expect(await lastUsed()).toBe(first);
    expect((await listed(firm)).find((x) => x.id === id)?.lastUsedAt).toBe(new Date(first!).toISOString());
    await t.platform.db
      .update(apiTokens)
      .set({ lastUsedAt: new Date(first! - 61_000) })
      .where(eq(apiTokens.id, id));
    await withToken(token)('/api/v1/auth/me');
    expect(await lastUsed()).toBeGreaterThan(first! - 61_000);
  });

  it('refuses every change to a read-only token and lets it read', async () => {
    const firm = await t.as('firm');
    const ro = await issue(firm, { readOnly: true });
    expect(ro.readOnly).toBe(true);
    const send = withToken(ro.token);
    expect((await send(`/api/v1/enterprises/${FIRM_A.uscc}`)).status).toBe(200);
    const changes: [string, string, unknown][] = [
      ['POST', `/api/v1/enterprises/${FIRM_A.uscc}/facts`, { facts: { years: { '2025': { rdStaff: 9 } } } }],
      ['DELETE', `/api/v1/auth/tokens/${ro.id}`, undefined],
      ['POST', '/api/v1/auth/logout', undefined],
      ['PUT', '/api/v1/auth/me', {}],
      ['PATCH', '/api/v1/auth/me', {}],
    ];
    for (const [method, path, json] of changes) {
      const res = await send(path, { method, ...(json === undefined ? {} : { json }) });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect((await error(res)).code).toBe('read_only_token');
    }
  });

  it('outlives an ordinary logout; logging out everywhere ends every session and revokes every token', async () => {
    const first = await t.login('chamber');
    const other = await t.login('chamber');
    const { token } = await issue(first.send);
    expect((await first.send('/api/v1/auth/logout', { method: 'POST' })).status).toBe(204);
    expect((await withToken(token)('/api/v1/auth/me')).status).toBe(200);
    const last = await t.login('chamber');
    expect((await last.send('/api/v1/auth/logout?everywhere=true', { method: 'POST' })).status).toBe(204);
    expect((await withToken(token)('/api/v1/auth/me')).status).toBe(401);
    expect((await other.send('/api/v1/auth/me')).status).toBe(401);
    expect((await last.send('/api/v1/auth/me')).status).toBe(401);
  });
});

describe('the calculator’s limit for anonymous callers', () => {
  const evaluate = (o: { from: string; send?: Send }) =>
    (o.send ?? t.request)('/api/v1/policies/cn.most.tech-sme/evaluate?asOf=2026-06-30&gaps=false', {
      method: 'POST',
      json: { regionCode: '320211', years: { '2025': { employees: 80 } } },
      from: o.from,
    });

  it('answers 429 with Retry-After past the budget of an address, and not to others or to a logged-in user', async () => {
    const busy = '198.51.100.40';
    // The bucket refills while the test runs, so a few more than the burst may pass.
    let granted = 0;
    let over = await evaluate({ from: busy });
    while (over.status === 200 && granted < 2 * CALCULATOR_LIMIT.burst) {
      granted++;
      over = await evaluate({ from: busy });
    }
    expect(over.status).toBe(429);
    expect(granted).toBeGreaterThanOrEqual(CALCULATOR_LIMIT.burst);
    expect((await error(over)).code).toBe('rate_limited');
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await evaluate({ from: '198.51.100.41' })).status).toBe(200);
    // Behind the trusted proxy the client is counted, not the proxy.
    expect(
      (await evaluate({ from: PROXY, send: (p, o) => t.request(p, { ...o, headers: { 'x-forwarded-for': busy } }) }))
        .status,
    ).toBe(429);
    expect((await evaluate({ from: busy, send: await t.as('firm') })).status).toBe(200);
    expect((await t.request('/api/v1/health', { from: busy })).status).toBe(200);
  });
});

describe('malformed, unsupported and oversized requests', () => {
  const EVALUATE = '/api/v1/policies/cn.most.tech-sme/evaluate?asOf=2026-06-30';

  it('answers a malformed JSON body with 400 and a code', async () => {
    const res = await t.request(EVALUATE, {
      method: 'POST',
      body: '{"years": {',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect((await error(res)).code).toBe('malformed_body');
  });

  it('answers a text/plain body to a JSON route with 415', async () => {
    const body = JSON.stringify({ regionCode: '320211' });
    const res = await t.request(EVALUATE, {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/plain', 'content-length': String(Buffer.byteLength(body)) },
    });
    expect(res.status).toBe(415);
    expect((await error(res)).code).toBe('unsupported_media_type');
  });

  it('answers a text/plain body with 415 also when the request does not state its length', async () => {
    // As an in-process Request, an HTTP/2 request or a proxied one may arrive: no content-length.
    const res = await t.request(EVALUATE, {
      method: 'POST',
      body: JSON.stringify({ regionCode: '320211' }),
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(415);
    expect((await error(res)).code).toBe('unsupported_media_type');
  });

  it('answers a JSON body over 1 MB with 413', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(1024 * 1024) });
    const stated: Record<string, string>[] = [
      { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      { 'content-type': 'application/json' },
    ];
    for (const headers of stated) {
      const res = await t.request(EVALUATE, { method: 'POST', body, headers });
      expect(res.status).toBe(413);
      expect((await error(res)).code).toBe('payload_too_large');
    }
  });

  it('answers an unknown API address with a 404 JSON error, and leaves other addresses to the web app', async () => {
    const res = await t.request('/api/v1/no-such-route');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect((await error(res)).code).toBe('not_found');
    // The web app shows its own 404 page; without a built bundle the server says how to build it.
    const page = await t.request('/no-such-page');
    expect([200, 503]).toContain(page.status);
    if (page.status === 200) expect(await page.text()).toMatch(/<div id="root">/);
  });
});

describe('the public calculator', () => {
  it('names the bad field of a profile', async () => {
    const res = await t.request('/api/v1/policies/cn.most.tech-sme/evaluate?asOf=2026-06-30', {
      method: 'POST',
      json: { years: { '2025': { employees: -3 } } },
    });
    expect(res.status).toBe(400);
    const e = await error(res);
    expect(e.code).toBe('invalid_request');
    expect(e.details).toEqual([expect.objectContaining({ field: 'years.2025.employees' })]);
  });

  it('answers an unknown policy with 404', async () => {
    const res = await t.request('/api/v1/policies/cn.no.such-policy/evaluate', { method: 'POST', json: {} });
    expect(res.status).toBe(404);
    expect((await error(res)).code).toBe('not_found');
    expect((await t.request('/api/v1/policies/cn.no.such-policy')).status).toBe(404);
  });

  it('answers a date with no edition in force with 422', async () => {
    const res = await t.request('/api/v1/policies/cn.miit.specialized-sme/evaluate?asOf=2010-01-01', {
      method: 'POST',
      json: {},
    });
    expect(res.status).toBe(422);
    expect((await error(res)).code).toBe('no_edition');
  });

  it('gives exactly the JSON `huiqi evaluate --json` prints', async () => {
    const cli = promisify(execFile)(
      process.execPath,
      ['bin/huiqi.js', 'evaluate', 'cn.most.tech-sme', EXAMPLE, '--as-of', '2026-06-30', '--json'],
      { cwd: ROOT },
    );
    const profile: unknown = JSON.parse(readFileSync(new URL(`../../${EXAMPLE}`, import.meta.url), 'utf8'));
    const res = await t.request('/api/v1/policies/cn.most.tech-sme/evaluate?asOf=2026-06-30', {
      method: 'POST',
      json: profile,
    });
    expect(res.status).toBe(200);
    const api: unknown = await res.json();
    const { stdout } = await cli;
    const printed: unknown = JSON.parse(stdout);
    expect(api).toStrictEqual(printed);
    expect(JSON.stringify(api)).toBe(JSON.stringify(printed)); // the same keys in the same order
  }, 20_000);
});

describe('health and documentation', () => {
  it('reports health and which database it runs on', async () => {
    const res = await t.request('/api/v1/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      database: process.env.HUIQI_TEST_DATABASE_URL ? 'postgres' : 'pglite',
    });
  });

  it('serves an OpenAPI 3.1 document with the contract paths', async () => {
    const res = await t.request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/imports',
        '/api/v1/imports/{id}',
        '/api/v1/enterprises/{uscc}',
        '/api/v1/policies/{id}/evaluate',
      ]),
    );
    expect(doc.paths['/api/v1/auth/login']).toHaveProperty('post');
    expect(doc.paths['/api/v1/imports']).toHaveProperty('post');
    expect(doc.paths['/api/v1/imports/{id}']).toHaveProperty('get');
    expect(doc.paths['/api/v1/enterprises/{uscc}']).toHaveProperty('get');
    expect(doc.paths['/api/v1/policies/{id}/evaluate']).toHaveProperty('post');
  });

  it('serves the API reference page', async () => {
    const res = await t.request('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const page = await res.text();
    expect(page).toMatch(/<html/i);
    expect(page).toContain('swagger-ui');
  });
});
