/**
 * The security headers on the real application: a Content-Security-Policy on the API, the web
 * app's pages and the API reference, and Strict-Transport-Security only over HTTPS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trustedProxies } from '../platform/addresses.ts';
import { testApp, type TestApp } from './test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const directives = (res: Response) =>
  new Map(
    (res.headers.get('content-security-policy') ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );

describe('security headers', () => {
  it.each(['/api/v1/health', '/api/docs', '/api/docs/init.js', '/calculator'])(
    'sends a Content-Security-Policy with scripts from this origin only on %s',
    async (path) => {
      const csp = directives(await t.request(path));
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    },
  );

  it('sends Strict-Transport-Security over HTTPS only', async () => {
    const plain = await t.app.request('http://huiqi.example/api/v1/health');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const secure = await t.app.request('https://huiqi.example/api/v1/health');
    expect(secure.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
  });

  it('believes X-Forwarded-Proto: https only from a trusted proxy', async () => {
    t.platform.trustedProxies = trustedProxies('10.0.0.0/8');
    const behind = { headers: { 'x-forwarded-proto': 'https' } };
    const proxied = await t.request('/calculator', { ...behind, from: '10.1.2.3' });
    expect(proxied.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    const claimed = await t.request('/calculator', { ...behind, from: '203.0.113.9' });
    expect(claimed.headers.get('strict-transport-security')).toBeNull();
    t.platform.trustedProxies = undefined;
  });
});
