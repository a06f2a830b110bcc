/** The calculator's result for a firm that falls short: the gaps in words, and a what-if that flips the verdict. */
import { describe, expect, it } from 'vitest';
import { screenshot, useBrowser } from './harness.ts';

const e2e = useBrowser();
const POLICY = 'cn.most.tech-sme';

describe('what-if', () => {
  it('shows what it would take, and moving R&D and staff turns 不合格 into 合格 without a page load', async () => {
    const page = await e2e.page();
    await page.goto(`/calculator?policy=${POLICY}`);
    await page.getByTestId('field-industryCode').fill('3562');
    await page.getByTestId('field-regionCode').fill('320214');
    await page.getByRole('button', { name: '下一步' }).click();

    // The figures of the last fiscal year, in 万元 and persons: R&D is 2.4 % of revenue.
    const year = String(new Date().getFullYear() - 1);
    const figures: Record<string, string> = {
      employees: '120',
      techStaff: '13',
      revenue: '8500',
      totalAssets: '6000',
      totalCosts: '7000',
      rdExpense: '204',
    };
    await page.getByTestId(`field-years.${year}.employees`).waitFor();
    for (const [name, value] of Object.entries(figures))
      await page.getByTestId(`field-years.${year}.${name}`).fill(value);
    const verdict = page.getByTestId(`verdict-${POLICY}`);
    await expect.poll(() => verdict.getAttribute('data-verdict'), { timeout: 10_000 }).toBe('not_qualified');

    await page.getByRole('button', { name: '查看测算结果' }).click();
    const result = page.getByTestId(`result-${POLICY}`);
    const gaps = result.getByTestId('gap-list');
    await gaps.locator('li').first().waitFor();
    const gapText = (await gaps.textContent()) ?? '';
    expect(gapText).toContain('研发费用');
    expect(gapText).toContain('万元');
    expect(await result.getByTestId(`score-${POLICY}`).textContent()).toContain('14');
    await result.evaluate((el) => el.scrollIntoView());
    await screenshot(page, 'calculator-result');

    // What if: R&D to 6 % of revenue moves the score but not yet the verdict …
    const loadsBefore = await page.evaluate(() => performance.getEntriesByType('navigation').length);
    const whatIf = page.getByTestId(`whatif-${POLICY}`);
    const shown = whatIf.getByTestId(`whatif-verdict-${POLICY}`);
    const score = whatIf.getByTestId(`whatif-score-${POLICY}`);
    await whatIf.getByTestId(`whatif-input-years.${year}.rdExpense`).fill('510');
    await expect.poll(() => score.textContent(), { timeout: 10_000 }).toContain('54');
    expect(await score.textContent()).toContain('+40');
    expect(await shown.getAttribute('data-verdict')).toBe('not_qualified');

    // … and enough technical staff (20 % of the workforce) makes it qualify.
    await whatIf.getByTestId(`whatif-input-years.${year}.techStaff`).fill('24');
    await expect.poll(() => shown.getAttribute('data-verdict'), { timeout: 10_000 }).toBe('qualified');
    expect(await shown.textContent()).toContain('合格');
    expect(await score.textContent()).toContain('62');
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(loadsBefore);
    // The explanation above is the firm's own answer, unchanged by what-ifs.
    expect(await result.getByTestId(`verdict-${POLICY}`).first().getAttribute('data-verdict')).toBe('not_qualified');
  });
});
