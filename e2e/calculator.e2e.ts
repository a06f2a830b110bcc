/** The public 政策计算器: answering only what the engine asks, to a verdict. */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';

const e2e = useBrowser();

describe('policy calculator', () => {
  it('asks only for the facts still missing and shows the verdict once it is decided', async () => {
    const page = await e2e.page();
    await page.goto('/calculator?policy=cn.nbs.enterprise-size');
    const verdict = page.getByTestId('verdict-cn.nbs.enterprise-size');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-verdict')).toBe('undetermined');

    await page.getByTestId('field-industryCode').fill('3562');
    await page.getByRole('button', { name: '下一步' }).click();
    const year = String(new Date().getFullYear() - 1);
    const employees = page.getByTestId(`field-years.${year}.employees`);
    await employees.waitFor();
    await employees.fill('120');
    await page.getByTestId(`field-years.${year}.revenue`).fill('8500'); // 万元
    await expect.poll(() => verdict.getAttribute('data-verdict'), { timeout: 10_000 }).toBe('qualified');

    await page.getByRole('button', { name: '查看测算结果' }).click();
    const outcome = page.getByTestId('outcome-cn.nbs.enterprise-size');
    await outcome.waitFor();
    // Industry: 120 persons are under the 300 a medium firm needs, whatever its revenue.
    expect(await outcome.textContent()).toContain('小型');
  });
});
