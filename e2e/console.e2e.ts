/** The government console: the dashboard drills through to the list behind a chart. */
import { describe, expect, it } from 'vitest';
import { apiAs, ready, screenshot, useBrowser } from './harness.ts';

const e2e = useBrowser();

describe('reviewer dashboard', () => {
  it('drills from a chart through to the list of the firms it counts', async () => {
    const page = await e2e.page({ user: 'wuxi' });
    await page.goto('/console');
    const sizeChart = page.getByTestId('chart-size');
    await sizeChart.locator('canvas').first().waitFor();
    const links = page.getByTestId('chart-size-links').locator('li');
    await links.first().waitFor();
    await ready(page);
    await page.waitForTimeout(1200); // the charts' entry animation, for the screenshot
    await screenshot(page, 'dashboard');

    // The first size class as the chart counts it, then the list it links to.
    const item = links.first();
    const shown = Number(((await item.textContent()) ?? '').replace(/,/g, '').match(/(\d+)\D*$/)![1]);
    const href = (await item.locator('a').getAttribute('href'))!;
    const size = new URLSearchParams(href.split('?')[1]).get('size');
    expect(size).toMatch(/^(micro|small|medium|large)$/);
    await item.locator('a').click();
    await page.waitForURL(/\/console\/enterprises\?/);
    const rows = page.getByTestId('enterprise-table').locator('tr.ant-table-row');
    await rows.first().waitFor();

    const wuxi = await apiAs('wuxi');
    const listed = await wuxi.get<{ total: number }>(`/api/v1/enterprises?size=${size}&pageSize=1`);
    expect(listed.total).toBe(shown);
    expect(await rows.count()).toBe(Math.min(shown, 20));
  });
});
