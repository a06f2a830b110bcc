/**
 * Sessions, tokens and the login limit; how malformed, unsupported and oversized requests are
 * answered; the public calculator's errors; health, the OpenAPI document and the reference page;
 * and that the API evaluates exactly as the command line does.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, LOGIN_LIMIT } from '../platform/auth.ts';
import { CSRF_HEADER } from '../platform/http.ts';
import { FIRM_A, PASSWORD, testApp, type TestApp } from './test-app.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLE = 'examples/profile.json';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
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

  it('refuses a wrong password, and any password after five failures', async () => {
    const username = 'lockout-test';
    await createUser(t.platform.db, { username, password: PASSWORD, displayName: '锁定测试', role: 'bank' });
    expect(LOGIN_LIMIT).toBe(5);
    for (let i = 1; i <= LOGIN_LIMIT; i++) {
      const res = await login(username, `wrong-password-${i}`);
      expect(res.status, `failure ${i}`).toBe(401);
      expect((await error(res)).code).toBe('bad_credentials');
    }
    const sixth = await login(username, PASSWORD);
    expect(sixth.status).toBe(429);
    expect((await error(sixth)).code).toBe('too_many_attempts');
    // Other accounts are not locked out.
    expect((await login('provider', PASSWORD)).status).toBe(200);
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
