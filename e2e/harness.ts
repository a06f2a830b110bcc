/**
 * What a browser test needs: a Chromium per test file, a fresh browser context per page (own
 * cookies, storage and cache), logging in, calling the API as a demo user, screenshots for the
 * README, and a watch on every page for console errors, uncaught exceptions and failed requests
 * (checked automatically after each test). See e2e/README.md for how to write a test.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { launchChromium } from './browser.ts';
import { REPO } from './server.ts';

export const DEMO_PASSWORD = 'huiqi-demo-2026';

/** The two widths nothing may break at. */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  mobile: { width: 390, height: 844 },
} as const;
export type Viewport = keyof typeof VIEWPORTS | { width: number; height: number };
const sizeOf = (v: Viewport) => (typeof v === 'string' ? VIEWPORTS[v] : v);

export type Role = 'enterprise' | 'reviewer' | 'bank' | 'provider' | 'chamber' | 'admin';
export interface User {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  level: string | null;
  uscc: string | null;
  organization: string | null;
}

/** The server under test, e.g. http://127.0.0.1:41234 (no trailing slash). */
export const baseURL = (): string => inject('baseURL');

/**
 * Moves the server's calendar (its HUIQI_CLOCK_FILE) to a date, or back to the real date with null.
 * Throws when the server's clock file is unknown (a server started by hand without
 * HUIQI_E2E_CLOCK_FILE).
 */
export async function setToday(date: string | null): Promise<void> {
  const file = inject('clockFile');
  if (!file) throw new Error('e2e: the server’s HUIQI_CLOCK_FILE is unknown; set HUIQI_E2E_CLOCK_FILE');
  await writeFile(file, date ?? '');
}

/** Demo users share one password; `admin` has the one the test server was started with. */
export const passwordOf = (username: string): string =>
  username === 'admin' ? inject('adminPassword') : DEMO_PASSWORD;

// ---------------------------------------------------------------------------------------------
// Problems seen in a browser context

const problemLists = new WeakMap<BrowserContext, string[]>();

function watch(context: BrowserContext): void {
  const list: string[] = [];
  problemLists.set(context, list);
  context.on('console', (m) => {
    if (m.type() !== 'error') return;
    // Chromium logs every 4xx/5xx answer as "Failed to load resource"; answers are judged below
    // (an API's 401/403/404 is an answer the app handles, a missing script is not).
    if (m.text().startsWith('Failed to load resource')) return;
    const at = m.location().url;
    list.push(`console.error${at ? ` (${at})` : ''}: ${m.text()}`);
  });
  context.on('weberror', (e) => list.push(`uncaught: ${e.error().stack ?? e.error().message}`));
  context.on('requestfailed', (r) => {
    const why = r.failure()?.errorText ?? '';
    if (why.includes('ERR_ABORTED')) return; // navigated away while loading
    list.push(`request failed: ${r.method()} ${r.url()} (${why})`);
  });
  context.on('response', (r) => {
    const status = r.status();
    const api = new URL(r.url()).pathname.startsWith('/api/');
    if (status >= 500 || (status >= 400 && !api)) list.push(`HTTP ${status}: ${r.request().method()} ${r.url()}`);
  });
}

/** Console errors, uncaught exceptions, failed requests and 5xx answers seen so far (empty is good). */
export function problemsOf(target: Page | BrowserContext): string[] {
  const context = 'context' in target ? target.context() : target;
  return [...(problemLists.get(context) ?? [])];
}

// ---------------------------------------------------------------------------------------------
// Browser per test file, context per page

export interface PageOptions {
  /** 'desktop' (1280×800, the default), 'mobile' (390×844) or a size. */
  viewport?: Viewport;
  /** The interface language stored before the first page loads; default zh (the app's default). */
  lang?: 'zh' | 'en';
  /** Log in as this user (through the API, quickly) before the page opens. */
  user?: string;
  /** This test expects console errors or failed requests: do not fail it for them. */
  allowErrors?: boolean;
}

export interface E2E {
  /** The file's Chromium (for contexts of your own; close them yourself). */
  readonly browser: Browser;
  /** A new page in a new context; closed and checked for problems after the test. */
  page(opts?: PageOptions): Promise<Page>;
  /** A new context (for several pages sharing a login); closed and checked after the test. */
  context(opts?: PageOptions): Promise<BrowserContext>;
}

/**
 * Call once at the top of a test file: launches Chromium before the file's tests, and after each
 * test closes what it opened and fails the test if a page logged errors (unless `allowErrors`).
 */
export function useBrowser(defaults: PageOptions = {}): E2E {
  let browser: Browser | undefined;
  let open: { context: BrowserContext; allowErrors: boolean }[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async (ctx) => {
    const opened = open;
    open = [];
    const problems = opened.filter((o) => !o.allowErrors).flatMap((o) => problemsOf(o.context));
    await Promise.all(opened.map((o) => o.context.close().catch(() => undefined)));
    if (ctx.task.result?.state === 'fail') {
      // The test's own failure comes first; what the browser saw may explain it (e.g. a 503).
      if (problems.length) console.warn(`browser problems during "${ctx.task.name}":\n  ${problems.join('\n  ')}`);
      return;
    }
    expect(problems, 'console errors, uncaught exceptions or failed requests in the browser').toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });
  const newContext = async (given: PageOptions = {}): Promise<BrowserContext> => {
    if (!browser) throw new Error('useBrowser(): the browser starts in beforeAll; open pages inside tests or hooks');
    const opts = { ...defaults, ...given };
    const url = baseURL();
    const context = await browser.newContext({
      baseURL: url,
      viewport: sizeOf(opts.viewport ?? 'desktop'),
      locale: opts.lang === 'en' ? 'en-US' : 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      storageState: opts.lang
        ? { cookies: [], origins: [{ origin: url, localStorage: [{ name: 'huiqi.lang', value: opts.lang }] }] }
        : undefined,
    });
    context.setDefaultTimeout(15_000);
    context.setDefaultNavigationTimeout(30_000);
    watch(context);
    open.push({ context, allowErrors: opts.allowErrors ?? false });
    if (opts.user) await loginByApi(context, opts.user);
    return context;
  };
  return {
    get browser() {
      if (!browser) throw new Error('useBrowser(): the browser starts in beforeAll');
      return browser;
    },
    context: newContext,
    page: async (opts) => (await newContext(opts)).newPage(),
  };
}

// ---------------------------------------------------------------------------------------------
// Logging in and out

/** Who the page's context is logged in as (null: nobody). */
export async function me(page: Page): Promise<User | null> {
  const r = await page.request.get('/api/v1/auth/me');
  return r.ok() ? ((await r.json()) as User) : null;
}

/**
 * Logs in through the login form, the way a person does: opens /login unless the page is already
 * there (e.g. after being sent there from /console), submits, and waits until the app has left the
 * login page and shows the user in the header. Returns the user.
 */
export async function login(page: Page, username: string, password = passwordOf(username)): Promise<User> {
  if (!page.url().startsWith(baseURL()) || new URL(page.url()).pathname !== '/login') await page.goto('/login');
  const form = page.locator('form');
  await form.getByLabel(/^(用户名|Username)$/).fill(username);
  await form.getByLabel(/^(密码|Password)$/).fill(password);
  await form.locator('button[type=submit]').click();
  await page.waitForURL((u) => u.pathname !== '/login');
  await page.locator('.hq-user').waitFor();
  const user = await me(page);
  if (!user) throw new Error(`login(${username}): the app left /login but nobody is logged in`);
  return user;
}

/** Logs a context in through the API (fast; cookies land in the context). For tests not about logging in. */
export async function loginByApi(
  context: BrowserContext,
  username: string,
  password = passwordOf(username),
): Promise<User> {
  const r = await context.request.post('/api/v1/auth/login', { data: { username, password } });
  if (!r.ok()) throw new Error(`loginByApi(${username}): HTTP ${r.status()} ${await r.text()}`);
  return ((await r.json()) as { user: User }).user;
}

/** Clicks the header's log-out button and waits until the header offers logging in again. */
export async function logout(page: Page): Promise<void> {
  await page
    .locator('header')
    .getByRole('button', { name: /^(退出登录|Log out)$/ })
    .click();
  await page
    .locator('header')
    .getByRole('button', { name: /^(登\s?录|Log in)$/ })
    .waitFor();
}

// ---------------------------------------------------------------------------------------------
// The API, outside the browser (to find test data or check what the server stored)

export interface ApiClient {
  /** null for an anonymous client. */
  readonly user: User | null;
  /** Any request; never throws for an HTTP status. */
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; data: T }>;
  /** GET, throwing unless 2xx. */
  get<T = unknown>(path: string): Promise<T>;
  /** POST with a JSON body, throwing unless 2xx. */
  post<T = unknown>(path: string, body?: unknown): Promise<T>;
}

/** An API client logged in as a demo user (or `admin`), or anonymous with `null`. */
export async function apiAs(username: string | null, password?: string): Promise<ApiClient> {
  const base = baseURL();
  const cookies = new Map<string, string>();
  const call = async <T>(method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (cookies.size) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = cookies.get('huiqi_csrf');
    if (method !== 'GET' && csrf) headers['x-csrf-token'] = decodeURIComponent(csrf);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const eq = pair.indexOf('=');
      if (eq > 0) cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    const text = await res.text();
    return { status: res.status, data: (text ? JSON.parse(text) : undefined) as T };
  };
  const ok = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await call<T>(method, path, body);
    if (r.status < 200 || r.status > 299)
      throw new Error(`${method} ${path} as ${username ?? 'anonymous'}: HTTP ${r.status} ${JSON.stringify(r.data)}`);
    return r.data;
  };
  let user: User | null = null;
  if (username !== null)
    user = (
      await ok<{ user: User }>('POST', '/api/v1/auth/login', { username, password: password ?? passwordOf(username) })
    ).user;
  return {
    user,
    call,
    get: (path) => ok('GET', path),
    post: (path, body) => ok('POST', path, body),
  };
}

// ---------------------------------------------------------------------------------------------
// Waiting, screenshots, layout, fonts, timing

/** Waits until the network is quiet, no spinner or skeleton is showing and the fonts are loaded. */
export async function ready(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active') && document.fonts.status === 'loaded',
  );
}

/**
 * Saves docs/screenshots/<name>.png of what the page shows at 1280×800 (the README's size; the page
 * is resized for the shot and back). `viewport: 'mobile'` for a phone-sized shot, `fullPage` for
 * the whole length. Waits for `ready` first; wait for your own content (e.g. a chart) before.
 */
export async function screenshot(
  page: Page,
  name: string,
  opts: { viewport?: Viewport; fullPage?: boolean } = {},
): Promise<string> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name))
    throw new Error(`screenshot name "${name}": use lower-case letters, digits, -`);
  const size = sizeOf(opts.viewport ?? 'desktop');
  const before = page.viewportSize();
  const resize = !before || before.width !== size.width || before.height !== size.height;
  if (resize) await page.setViewportSize(size);
  await ready(page);
  const path = join(REPO, 'docs', 'screenshots', `${name}.png`);
  await mkdir(dirname(path), { recursive: true });
  await page.screenshot({ path, animations: 'disabled', caret: 'hide', fullPage: opts.fullPage ?? false });
  if (resize && before) await page.setViewportSize(before);
  return path;
}

/**
 * How wide the document is against the window, and the elements reaching past the right edge
 * (the culprits when `scrollWidth > clientWidth`, i.e. the page scrolls sideways).
 */
export async function horizontalOverflow(
  page: Page,
): Promise<{ scrollWidth: number; clientWidth: number; offenders: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const name = (e: Element) =>
      e.tagName.toLowerCase() +
      (e.id ? `#${e.id}` : '') +
      [...e.classList]
        .slice(0, 3)
        .map((c) => `.${c}`)
        .join('');
    const offenders = [...document.body.querySelectorAll('*')]
      .filter((e) => e.getBoundingClientRect().right > root.clientWidth + 0.5)
      .slice(0, 8)
      .map((e) => `${name(e)} (right ${Math.round(e.getBoundingClientRect().right)})`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, offenders };
  });
}

/** The platform fonts Chromium used to draw the text directly inside the first element matching. */
export async function renderedFonts(
  page: Page,
  selector: string,
): Promise<{ familyName: string; glyphCount: number }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`renderedFonts: nothing matches ${selector}`);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((f) => ({ familyName: f.familyName, glyphCount: f.glyphCount }));
  } finally {
    await cdp.detach();
  }
}

export interface LoadTiming {
  /** Navigation start to the end of the load event, ms. */
  load: number;
  /** Navigation start until `ready` (lazy page code loaded, no spinner, fonts loaded), ms. */
  ready: number;
  /** Bytes over the wire (compressed where the server compresses), all / scripts only. */
  bytes: number;
  scriptBytes: number;
}

/**
 * First-load timing of a page: `runs` loads, each in a new context (cold cache), medians. For
 * reporting; over loopback these numbers are about parsing and running the code, not the network.
 */
export async function firstLoad(
  browser: Browser,
  path: string,
  runs = 5,
): Promise<LoadTiming & { runs: LoadTiming[] }> {
  const all: LoadTiming[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ baseURL: baseURL(), viewport: VIEWPORTS.desktop, locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      // Notes the first moment the page shows its content: no spinner, fonts loaded.
      await page.addInitScript(() => {
        const w = window as unknown as { __hqReady?: number };
        const check = () => {
          if (w.__hqReady !== undefined) return;
          const content = document.querySelector('#root .ant-layout-content');
          if (!content || content.childElementCount === 0) return;
          if (document.querySelector('.ant-spin-spinning, .ant-skeleton-active')) return;
          if (document.fonts.status !== 'loaded') return;
          w.__hqReady = performance.now();
        };
        new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
        document.fonts.addEventListener('loadingdone', check);
        void document.fonts.ready.then(check);
      });
      await page.goto(path, { waitUntil: 'load' });
      await page.waitForFunction(() => (window as unknown as { __hqReady?: number }).__hqReady !== undefined);
      const readyAt = await page.evaluate(() => (window as unknown as { __hqReady: number }).__hqReady);
      await page.waitForLoadState('networkidle');
      all.push(
        await page.evaluate((readyAt) => {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
          const bytes = nav.transferSize + res.reduce((s, r) => s + r.transferSize, 0);
          const scriptBytes = res
            .filter((r) => r.initiatorType === 'script' || r.name.endsWith('.js'))
            .reduce((s, r) => s + r.transferSize, 0);
          return { load: nav.loadEventEnd - nav.startTime, ready: readyAt - nav.startTime, bytes, scriptBytes };
        }, readyAt),
      );
    } finally {
      await context.close();
    }
  }
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)]!;
  };
  return {
    load: median(all.map((r) => r.load)),
    ready: median(all.map((r) => r.ready)),
    bytes: median(all.map((r) => r.bytes)),
    scriptBytes: median(all.map((r) => r.scriptBytes)),
    runs: all,
  };
}
