/** The enterprise portal: a firm corrects a figure and its eligibility board follows. */
import { describe, expect, it } from 'vitest';
import { apiAs, useBrowser } from './harness.ts';

const e2e = useBrowser();
const SIZE = 'cn.nbs.enterprise-size';

describe('enterprise portal', () => {
  it('a firm edits last year’s revenue, the value is marked 自报, and its size class and SME status change', async () => {
    // The demo's 无锡 firm is a wholesaler (F5179) with 291 staff: ≥ 40,000 万元 revenue makes it large
    // (not an SME), less makes it medium. The test moves it across that line from wherever it is.
    const firm = await apiAs('firm-wuxi');
    const uscc = firm.user!.uscc!;
    const year = String(new Date().getFullYear() - 1);
    const before = await firm.post<{ outcome: string }>(`/api/v1/enterprises/${uscc}/evaluate?policy=${SIZE}`, {});
    const [revenue, expected, smeWords] =
      before.outcome === 'large' ? ['30000', 'medium', '属于中小企业'] : ['53901.26', 'large', '不属于中小企业'];

    const page = await e2e.page({ user: 'firm-wuxi' });
    await page.goto('/portal');
    const card = page.getByTestId(`tier-${SIZE}`);
    await expect.poll(() => card.getAttribute('data-status'), { timeout: 15_000 }).toBe(before.outcome);

    const path = `years.${year}.revenue`;
    await page.getByTestId(`edit-${path}`).click();
    const dialog = page.getByRole('dialog');
    const input = dialog.getByLabel(/营业收入/);
    await input.fill(revenue);
    await dialog.getByTestId('fact-save').click();
    await dialog.waitFor({ state: 'hidden' });

    // The board evaluates again on the saved profile.
    await expect.poll(() => card.getAttribute('data-status'), { timeout: 15_000 }).toBe(expected);
    expect(await card.textContent()).toContain(smeWords);

    // The cell shows the new value with its source, and its history holds the firm's own entry.
    const cell = page.getByTestId(`edit-${path}`).locator('xpath=ancestor::*[contains(@class,"hq-cell")]');
    expect(await cell.textContent()).toContain(Number(revenue).toLocaleString('en-US', { minimumFractionDigits: 2 }));
    const badge = cell.getByTestId('source-badge');
    expect(await badge.textContent()).toContain('自报');
    await badge.click();
    await page.getByTestId('open-history').click();
    const history = page.getByTestId('fact-history');
    await history.waitFor();
    expect(await history.getByTestId('fact-history-entry').first().textContent()).toContain('自报');

    // What the page shows is what the platform stored.
    const profile = await firm.get<{ years: Record<string, { revenue: number }> }>(
      `/api/v1/enterprises/${uscc}/profile`,
    );
    expect(profile.years[year]!.revenue).toBe(Math.round(Number(revenue) * 10_000));
  });
});
