/** The frame every page lives in: home, routes, logging in and out, language, 404, narrow screens. */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  horizontalOverflow,
  login,
  logout,
  me,
  ready,
  renderedFonts,
  screenshot,
  useBrowser,
} from './harness.ts';

const e2e = useBrowser();
const header = (page: import('playwright-core').Page) => page.locator('header');

describe('home page', () => {
  it('shows Chinese text drawn with a CJK font', async () => {
    const page = await e2e.page();
    await page.goto('/');
    const title = page.getByRole('heading', { level: 2 });
    await title.waitFor();
    expect(await title.textContent()).toContain('中小企业');
    expect(await page.title()).toContain('惠企');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await ready(page);
    const fonts = await renderedFonts(page, '#root h2');
    // Without fonts-noto-cjk Chromium falls back to a font without these glyphs (boxes).
    expect(fonts.map((f) => f.familyName).join(', ')).toMatch(/CJK|Hei|Song|Kai|Ming|Gothic/i);
    const cjkGlyphs = fonts.filter((f) => /CJK|Hei|Song|Kai|Ming|Gothic/i.test(f.familyName));
    expect(cjkGlyphs.reduce((n, f) => n + f.glyphCount, 0)).toBeGreaterThan(10);
    await screenshot(page, 'home');
  });
});

describe('every route loads without errors', () => {
  // Records of the demo the detail pages show: a firm, an application in 无锡's queue, a notice, a
  // title, a claim.
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const wuxi = await apiAs('wuxi');
    const page = await wuxi.get<{ items: { uscc: string }[] }>('/api/v1/enterprises?pageSize=1');
    ids[':own'] = page.items[0]!.uscc;
    const queue = await wuxi.get<{ items: { id: number }[] }>('/api/v1/applications?pageSize=1');
    ids[':application'] = String(queue.items[0]!.id);
    ids[':notice'] = String((await wuxi.get<{ items: { id: number }[] }>('/api/v1/notices')).items[0]!.id);
    ids[':title'] = String((await wuxi.get<{ items: { id: number }[] }>('/api/v1/titles?pageSize=1')).items[0]!.id);
    // The demo publishes 新吴's reward list: firm-xinwu holds an offer.
    const xinwu = await apiAs('firm-xinwu');
    ids[':claim'] = String((await xinwu.get<{ items: { id: number }[] }>('/api/v1/claims')).items[0]!.id);
  });
  const routes: [path: string, user: string | undefined][] = [
    ['/', undefined],
    ['/login', undefined],
    ['/calculator', undefined],
    ['/policies', undefined],
    ['/policies/cn.most.tech-sme', undefined],
    ['/policies/local.320214.high-tech-reward', undefined],
    ['/calculator', 'firm-wuxi'],
    ['/portal', 'firm-wuxi'],
    ['/console', 'wuxi'],
    ['/console/enterprises', 'wuxi'],
    ['/console/enterprises/:own', 'wuxi'],
    ['/console/imports', 'wuxi'],
    ['/console/sandbox', 'wuxi'],
    ['/console', 'admin'],
    ['/applications', 'firm-wuxi'],
    ['/inbox', 'firm-wuxi'],
    ['/console/applications', 'wuxi'],
    ['/console/applications/:application', 'wuxi'],
    ['/console/batches', 'jiangsu'],
    ['/console/notices/:notice', 'jiangsu'],
    ['/inbox', 'wuxi'],
    ['/console/delivery?policy=local.320214.high-tech-reward', 'wuxi'],
    ['/claims', 'firm-xinwu'],
    ['/claims/:claim', 'firm-xinwu'],
    ['/notices', undefined],
    ['/notices/:notice', undefined],
    ['/register', undefined],
    ['/register/:title', undefined],
  ];
  const open = async (route: string, user: string | undefined, viewport: 'desktop' | 'mobile') => {
    const path = route.replace(/:\w+/, (k) => ids[k]!);
    const page = await e2e.page({ user, viewport });
    await page.goto(path);
    await ready(page);
    const at = new URL(page.url());
    expect(at.pathname + at.search).toBe(path);
    const errorTitle = await page.locator('.ant-result-title').allTextContents();
    expect(errorTitle, 'an error page instead of the page').toEqual([]);
    expect((await page.locator('#root .ant-layout-content').innerText()).trim()).not.toBe('');
    return page;
  };
  it.each(routes)('%s as %s', async (route, user) => {
    await open(route, user, 'desktop');
  });
  it.each(routes)('%s as %s does not scroll sideways at 390 px', async (route, user) => {
    const page = await open(route, user, 'mobile');
    await page.waitForTimeout(300); // charts size themselves to their box after the first frame
    const o = await horizontalOverflow(page);
    expect(o.scrollWidth, `wider than the phone: ${o.offenders.join(', ')}`).toBeLessThanOrEqual(390);
  });
});

describe('logging in and out', () => {
  it('a reviewer lands on the console, sees their name, and logs out', async () => {
    const page = await e2e.page();
    await page.goto('/');
    const user = await login(page, 'wuxi');
    expect(user.role).toBe('reviewer');
    expect(new URL(page.url()).pathname).toBe('/console');
    const shown = await header(page).locator('.hq-user').textContent();
    expect(shown).toContain(user.displayName);
    expect(shown).toContain('审核人员');
    await expect.poll(() => header(page).getByText('管理端', { exact: true }).isVisible()).toBe(true);

    await logout(page);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await me(page)).toBeNull();
    expect(await header(page).locator('.hq-user').count()).toBe(0);
    expect(await header(page).getByText('管理端', { exact: true }).count()).toBe(0);
  });

  it('a wrong password is refused with a message, and the user stays on the login page', async () => {
    const page = await e2e.page();
    await page.goto('/login');
    const form = page.locator('form');
    await form.getByLabel('用户名').fill('wuxi');
    await form.getByLabel('密码').fill('not-the-password');
    await form.locator('button[type=submit]').click();
    await page.getByRole('alert').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await me(page)).toBeNull();
  });

  it('an anonymous visit to /console goes to the login page, and back after logging in', async () => {
    const page = await e2e.page();
    await page.goto('/console');
    await page.waitForURL((u) => u.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/console');
    await login(page, 'wuxi');
    expect(new URL(page.url()).pathname).toBe('/console');
  });

  it('a session that ends under an open page leads to the login page and back, not to an error', async () => {
    const page = await e2e.page({ user: 'wuxi' });
    await page.goto('/console');
    await ready(page);
    await page.context().clearCookies(); // as when the session expires or is ended elsewhere
    await header(page).getByText('认定审核', { exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/console/applications');
    await login(page, 'wuxi');
    expect(new URL(page.url()).pathname).toBe('/console/applications');
  });

  it('an enterprise user is refused the console with the 403 page', async () => {
    const page = await e2e.page({ user: 'firm-wuxi' });
    await page.goto('/console');
    await page.getByText('无权访问', { exact: true }).waitFor();
  });
});

describe('language', () => {
  it('switches the header to English and back, and remembers the choice', async () => {
    const page = await e2e.page();
    await page.goto('/');
    const nav = header(page);
    await nav.getByText('首页', { exact: true }).waitFor();
    expect(await nav.getByText('政策计算器', { exact: true }).isVisible()).toBe(true);

    await nav.getByRole('button', { name: 'switch language' }).click();
    await nav.getByText('Home', { exact: true }).waitFor();
    expect(await nav.getByText('Policy calculator', { exact: true }).isVisible()).toBe(true);
    expect(await nav.getByRole('button', { name: 'Log in' }).isVisible()).toBe(true);
    expect(await nav.getByText('首页', { exact: true }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.reload();
    await nav.getByText('Home', { exact: true }).waitFor();

    await nav.getByRole('button', { name: 'switch language' }).click();
    await nav.getByText('首页', { exact: true }).waitFor();
    expect(await nav.getByText('Policy calculator', { exact: true }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });
});

describe('unknown address', () => {
  it('shows the 404 page with a way home', async () => {
    const page = await e2e.page();
    await page.goto('/no/such/page');
    await page.getByText('页面不存在', { exact: true }).waitFor();
    await page.getByRole('button', { name: /返回首页/ }).click();
    await page.waitForURL((u) => u.pathname === '/');
  });
});
