/** The console's import page: a bureau's untidy sheet in, bad rows reported and downloadable. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';

const e2e = useBrowser();
const FIXTURE = fileURLToPath(new URL('../fixtures/imports/wuxi-binhu-2025.xlsx', import.meta.url));

describe('spreadsheet import', () => {
  it('imports the good rows of a sheet with bad rows and lists each bad row', async () => {
    const page = await e2e.page({ user: 'wuxi' });
    await page.goto('/console/imports');
    await page.getByTestId('import-upload').setInputFiles(FIXTURE);
    await page.getByTestId('import-submit').click();
    const outcome = page.getByTestId('import-outcome');
    await outcome.waitFor();
    await expect.poll(() => outcome.getAttribute('data-status'), { timeout: 60_000, interval: 500 }).toBe('done');
    // 45 data rows: 40 good, 5 bad (see fixtures/imports/wuxi-binhu-2025.expected.json).
    expect(await page.getByTestId('import-imported').textContent()).toContain('40');
    expect(await page.getByTestId('import-rejected').textContent()).toContain('5');
    const errors = page.getByTestId('import-errors').locator('tr.ant-table-row');
    await errors.first().waitFor();
    expect(await errors.count()).toBeGreaterThanOrEqual(5);
    expect(await page.getByTestId('rejects-download').isVisible()).toBe(true);
  });
});
