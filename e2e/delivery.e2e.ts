/**
 * 免申即享 from screening to payment, each side in its own browser: 无锡's bureau screens 新吴 for
 * its high-tech reward and publishes the list; firm-xinwu finds its offer in its inbox and confirms
 * with its account (a stranger's account first, which is refused beside the field); the bureau
 * exports the payment list, fills in the payment as the finance office would and uploads it; the
 * firm sees the money paid and the totals count it.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { apiAs, ready, screenshot, useBrowser } from './harness.ts';

const e2e = useBrowser();
const POLICY = 'local.320214.high-tech-reward';
const REWARD = 400_000;
/** The firm's account as typed, and as the server keeps it (digits only). */
const ACCOUNT = '6217 8520 0001 2345 678';
const ACCOUNT_NO = ACCOUNT.replace(/\s/g, '');

/** Yuan as the page writes 万元: 800000 → "80.00". */
const wan = (yuan: number) =>
  new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(yuan / 10_000);
const chinaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

interface Claim {
  id: number;
  status: string;
  amount: number;
  paidOn: string | null;
  paymentRef: string | null;
}

describe('免申即享', () => {
  it('screens, publishes, is confirmed by the firm, exported, paid from the sheet sent back and totalled', async () => {
    const wuxi = await apiAs('wuxi');
    const firmApi = await apiAs('firm-xinwu');
    const { uscc, displayName: firmName } = firmApi.user!;
    const claimsOf = async () =>
      (await firmApi.get<{ items: (Claim & { policyId: string })[] }>('/api/v1/claims')).items.filter(
        (c) => c.policyId === POLICY,
      );
    // The demo has published 新吴's list once already and paid another firm: firm-xinwu's offer is
    // waiting (or comes with this test's list). An answered offer means the demo is not fresh.
    expect(
      (await claimsOf()).every((c) => c.status === 'offered'),
      'firm-xinwu has answered its offer already: run on a fresh demo',
    ).toBe(true);
    const paidBefore = (await wuxi.get<{ paid: number }>(`/api/v1/policies/${POLICY}/delivery`)).paid;

    // The bureau starts a screening and watches it finish.
    const officer = await e2e.page({ user: 'wuxi' });
    await officer.goto(`/console/delivery?policy=${POLICY}`);
    await officer.getByTestId('screenings').waitFor();
    const known = await wuxi.get<{ items: { id: number }[] }>(`/api/v1/screenings?policy=${POLICY}`);
    await officer.getByTestId('screening-start').click();
    await officer.getByTestId('screening-start-confirm').click();
    await officer.waitForURL((u) => {
      const id = Number(u.searchParams.get('screening'));
      return id > 0 && !known.items.some((s) => s.id === id);
    });
    const id = Number(new URL(officer.url()).searchParams.get('screening'));
    const detail = officer.locator(`[data-testid=screening][data-id="${id}"]`);
    await expect
      .poll(() => detail.getByTestId('screening-status').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('done');
    expect(await detail.getByTestId('screening-status').textContent()).toContain('完成');
    const screening = await wuxi.get<{ total: number; processed: number; counts: Record<string, number> }>(
      `/api/v1/screenings/${id}`,
    );
    expect(screening.processed).toBe(screening.total);
    expect(await detail.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');

    // The eligible list: as many as the API counts, firm-xinwu among them with its 40 万元.
    const eligible = screening.counts.qualified!;
    expect(eligible).toBeGreaterThan(0);
    expect(Number(await detail.getByTestId('tab-qualified').getAttribute('data-count'))).toBe(eligible);
    const list = detail.getByTestId('screened-qualified');
    await list.getByText(firmName, { exact: true }).waitFor();
    expect(Number(await detail.getByTestId('screened-qualified-total').getAttribute('data-total'))).toBe(eligible);
    const row = list.locator('tr', { hasText: uscc! });
    expect(await row.textContent()).toContain('40.00');
    // The ineligible list names the conditions failed in Chinese.
    await detail.getByTestId('tab-not_qualified').click();
    await detail.getByTestId('screened-not_qualified').locator('.ant-tag').first().waitFor();
    expect(await detail.getByTestId('screened-not_qualified').textContent()).toMatch(/高新技术企业/);

    // Publishing says how many offers and invitations go out.
    await detail.getByTestId('screening-publish').click();
    const text = await officer.getByTestId('publish-text').textContent();
    expect(text).toContain(`向 ${eligible} 家符合条件的企业`);
    expect(text).toContain(`向 ${screening.counts.undetermined ?? 0} 家数据不全的企业`);
    await officer.getByTestId('publish-confirm').click();
    await detail.getByTestId('screening-published').waitFor();
    await expect.poll(async () => (await claimsOf()).map((c) => c.status)).toEqual(['offered']);
    const [offer] = await claimsOf();
    expect(offer!.amount).toBe(REWARD);

    // The firm finds the offer among its to-dos and opens it.
    const firm = await e2e.page({ user: 'firm-xinwu' });
    await firm.goto('/inbox');
    const item = firm.locator('[data-testid=inbox-item][data-kind=confirm_claim]');
    await item.waitFor();
    expect(await item.textContent()).toContain('确认领取');
    await item.getByRole('link').click();
    await firm.waitForURL(new RegExp(`/claims/${offer!.id}$`));
    const header = firm.getByTestId('claim-header');
    await header.waitFor();
    expect(await header.textContent()).toContain('无锡国家高新区（新吴区）高新技术企业认定奖励');
    expect(await firm.getByTestId('claim-amount').textContent()).toContain('40.00 万元');

    // A stranger's account is refused beside the 户名 field; the firm's own is taken.
    const form = firm.getByTestId('claim-confirm-form');
    expect(await form.getByLabel('户名').inputValue()).toBe(firmName);
    await form.getByLabel('开户行').fill('中国银行无锡新区支行');
    await form.getByLabel('户名').fill('无锡别家贸易有限公司');
    await form.getByLabel('账号').fill(ACCOUNT);
    await firm.getByTestId('claim-confirm-submit').click();
    const holder = form.locator('.ant-form-item', { has: firm.getByLabel('户名') });
    await holder.getByText(`户名须与企业名称“${firmName}”一致`).waitFor();
    expect((await claimsOf())[0]!.status).toBe('offered');
    await form.getByLabel('户名').fill(firmName);
    await firm.getByTestId('claim-confirm-submit').click();
    await firm.locator('[data-testid=claim-outcome][data-status=confirmed]').waitFor();
    expect(await firm.getByTestId('claim-outcome').textContent()).toContain(ACCOUNT_NO);
    expect((await claimsOf())[0]!.status).toBe('confirmed');

    // The bureau exports the payment list: the firm's row with its claim, account and amount.
    await officer.reload();
    await officer.getByTestId('claims-table').getByText(firmName).waitFor();
    const [download] = await Promise.all([
      officer.waitForEvent('download'),
      officer.getByTestId('payments-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^支付清单-.*\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const headings = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ''));
    const col = (name: string) => headings.findIndex((h) => h.startsWith(name));
    const rows: ExcelJS.Row[] = [];
    sheet.eachRow((r, n) => {
      if (n > 1 && r.getCell(col('统一社会信用代码')).value === uscc) rows.push(r);
    });
    expect(rows).toHaveLength(1);
    const paidRow = rows[0]!;
    expect(paidRow.getCell(col('事项编号')).value).toBe(offer!.id);
    expect(paidRow.getCell(col('企业名称')).value).toBe(firmName);
    expect(paidRow.getCell(col('金额')).value).toBe(REWARD);
    expect(paidRow.getCell(col('账号')).value).toBe(ACCOUNT_NO);

    // The finance office fills in the payment; the sheet goes back up.
    const today = chinaToday();
    const reference = `E2E-${Date.now()}`;
    paidRow.getCell(col('支付结果')).value = '已支付';
    paidRow.getCell(col('支付日期')).value = today;
    paidRow.getCell(col('支付凭证号')).value = reference;
    await officer.getByTestId('payments-upload').setInputFiles({
      name: '支付清单-已回填.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await book.xlsx.writeBuffer()),
    });
    const outcome = officer.getByTestId('payments-outcome');
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-recorded')).toBe('1');
    expect(await outcome.getAttribute('data-rejected')).toBe('0');
    expect(await outcome.textContent()).toContain('已登记 1 条支付结果');

    // The totals count the payment: 40 万元 more paid.
    const paid = officer.getByTestId('totals-paid');
    await expect.poll(() => paid.getAttribute('data-yuan')).toBe(String(paidBefore + REWARD));
    expect(await paid.textContent()).toContain(wan(paidBefore + REWARD));
    expect((await wuxi.get<{ paid: number }>(`/api/v1/policies/${POLICY}/delivery`)).paid).toBe(paidBefore + REWARD);
    // The page as an officer opens it now, for the README: lists, totals and chart.
    await officer.reload();
    await officer.getByTestId('totals-chart').locator('canvas').waitFor();
    await officer.getByTestId('screened-qualified').getByText(firmName).waitFor();
    await ready(officer);
    await officer.waitForTimeout(1000); // the chart's entry animation, for the screenshot
    await screenshot(officer, 'delivery');

    // The firm sees the money paid, with the date and the reference.
    await firm.reload();
    const paidOutcome = firm.locator('[data-testid=claim-outcome][data-status=paid]');
    await paidOutcome.waitFor();
    expect(await firm.getByTestId('claim-status').first().textContent()).toBe('已支付');
    expect(await paidOutcome.textContent()).toContain(today);
    expect(await paidOutcome.textContent()).toContain(reference);
    expect((await claimsOf())[0]).toMatchObject({ status: 'paid', paidOn: today, paymentRef: reference });
  });
});
