/**
 * A reviewer sees firms of their own region only: 无锡's reviewer opening a 上海 firm's page gets the
 * 403 page, not the firm (depends on the console's enterprise detail page showing QueryError).
 */
import { beforeAll, expect, it } from 'vitest';
import { apiAs, useBrowser } from './harness.ts';

const e2e = useBrowser();
let outside = '';

beforeAll(async () => {
  const shanghai = await apiAs('shanghai');
  const page = await shanghai.get<{ items: { uscc: string; regionCode: string | null }[] }>(
    '/api/v1/enterprises?pageSize=1',
  );
  const firm = page.items[0]!;
  expect(firm.regionCode?.startsWith('31')).toBe(true);
  outside = firm.uscc;
  // The server refuses it first; the page must show that refusal.
  const wuxi = await apiAs('wuxi');
  expect(wuxi.user?.regionCode).toBe('320200');
  expect((await wuxi.call('GET', `/api/v1/enterprises/${outside}`)).status).toBe(403);
});

it("refuses 无锡's reviewer a 上海 firm with the 403 page", async () => {
  const page = await e2e.page({ user: 'wuxi' });
  await page.goto(`/console/enterprises/${outside}`);
  await page.getByText('无权访问', { exact: true }).waitFor();
  expect(new URL(page.url()).pathname).toBe(`/console/enterprises/${outside}`);
  expect(await page.getByText('上海', { exact: false }).count()).toBe(0);
});
