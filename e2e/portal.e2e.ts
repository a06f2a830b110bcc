/** The enterprise portal: a firm's own figure beside the tax bureau's, kept as its claim. */
import { describe, expect, it } from 'vitest';
import { apiAs, useBrowser } from './harness.ts';

const e2e = useBrowser();
const SIZE = 'cn.nbs.enterprise-size';

describe('enterprise portal', () => {
  it('a firm types its own revenue over the tax figure: kept as its claim beside it, the tax figure stands', async () => {
    // The demo's 无锡 firm is a wholesaler (F5179) with 291 staff whose revenue comes from the tax
    // bureau: ≥ 40,000 万元 would make it large, less medium. Whatever the firm types, the board keeps
    // the tax figure's class, and the firm is told its value waits for the authority.
    const firm = await apiAs('firm-wuxi');
    const uscc = firm.user!.uscc!;
    const year = String(new Date().getFullYear() - 1);
    const path = `years.${year}.revenue`;
    const before = await firm.post<{ outcome: string }>(`/api/v1/enterprises/${uscc}/evaluate?policy=${SIZE}`, {});
    const record = await firm.get<{ years: Record<string, { revenue: number }>; sources: Record<string, string> }>(
      `/api/v1/enterprises/${uscc}`,
    );
    expect(record.sources[path]).toBe('tax');
    const taxed = record.years[year]!.revenue;
    const revenue = before.outcome === 'large' ? '30000' : '53901.26';

    const page = await e2e.page({ user: 'firm-wuxi' });
    await page.goto('/portal');
    const card = page.getByTestId(`tier-${SIZE}`);
    await expect.poll(() => card.getAttribute('data-status'), { timeout: 15_000 }).toBe(before.outcome);

    await page.getByTestId(`edit-${path}`).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/营业收入/).fill(revenue);
    await dialog.getByTestId('fact-save').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(/已记录为贵企业的申报/).waitFor();
    expect(await page.getByText(/已记录为贵企业的申报/).textContent()).toContain('税务');

    // The cell keeps the tax figure with its source; the history holds the firm's own entry, newest,
    // and marks the tax entry as the one that stands.
    const cell = page.getByTestId(`edit-${path}`).locator('xpath=ancestor::*[contains(@class,"hq-cell")]');
    expect(await cell.textContent()).toContain(
      (taxed / 10_000).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    );
    const badge = cell.getByTestId('source-badge');
    expect(await badge.getAttribute('data-source')).toBe('tax');
    await badge.click();
    await page.getByTestId('open-history').click();
    const history = page.getByTestId('fact-history');
    await history.waitFor();
    const entries = history.getByTestId('fact-history-entry');
    expect(await entries.first().textContent()).toContain('自报');
    expect(await history.getByTestId('fact-history-entry').filter({ hasText: '当前' }).textContent()).toContain('税务');
    expect(await card.getAttribute('data-status')).toBe(before.outcome);

    // What the page shows is what the platform stored.
    const after = await firm.get<{ years: Record<string, { revenue: number }> }>(`/api/v1/enterprises/${uscc}/profile`);
    expect(after.years[year]!.revenue).toBe(taxed);
  });
});
