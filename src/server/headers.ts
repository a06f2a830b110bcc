/**
 * Security headers on every answer: a Content-Security-Policy the web app and the API reference
 * both live within (scripts only from this origin, never inline), and Strict-Transport-Security
 * only on answers to requests that came over HTTPS (sent over plain HTTP it would lock a test or
 * intranet server out of browsers that once saw it).
 */
import type { MiddlewareHandler } from 'hono';
import { viaTrustedProxy, type Ctx } from '../platform/http.ts';
import { secureHeaders } from 'hono/secure-headers';

const SELF = "'self'";

/**
 * Ant Design and ECharts write styles at run time (CSS-in-JS `<style>` elements, inline
 * `style`), hence 'unsafe-inline' for styles only; images and fonts may be data: URLs (icons,
 * the bundled Chinese font's subsets), and downloads are built from blob: URLs.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: [SELF],
  scriptSrc: [SELF],
  styleSrc: [SELF, "'unsafe-inline'"],
  imgSrc: [SELF, 'data:', 'blob:'],
  fontSrc: [SELF, 'data:'],
  connectSrc: [SELF],
  objectSrc: ["'none'"],
  baseUri: [SELF],
  formAction: [SELF],
  frameAncestors: ["'none'"],
};

export const STRICT_TRANSPORT_SECURITY = 'max-age=15552000; includeSubDomains';

/**
 * Did the request reach us over HTTPS? Its own URL says so, or a trusted proxy that ended TLS
 * does in `X-Forwarded-Proto` (the first value: the proxy nearest the client).
 */
export function cameOverHttps(c: Ctx): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return forwarded === 'https' && viaTrustedProxy(c);
}

export function securityHeaders(): MiddlewareHandler[] {
  return [
    secureHeaders({
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: false,
    }),
    async (c, next) => {
      await next();
      if (cameOverHttps(c)) c.res.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
    },
  ];
}
