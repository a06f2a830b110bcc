/**
 * One application from submission to certificate, each role in its own browser: the firm applies,
 * uploads evidence, signs the pledge and submits; the city and the province approve on the same
 * evaluation; the province publishes the notice; the public objects; the next day the province
 * dismisses the objection and decides; the firm and the public see the certificate.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { apiAs, ready, screenshot, setToday, useBrowser } from './harness.ts';

const e2e = useBrowser();
const POLICY = 'cn.miit.innovative-sme';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

const chinaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
/**
 * A firm the policy file itself calls typical (it qualifies as of 2026), without its region, its
 * fiscal years moved to end last year, and its R&D expense of last year cleared: the one fact the
 * firm is asked for on its application page.
 */
const typical = (lastYear: number) => {
  const doc = parse(readFileSync(new URL(`../policies/cn/miit/innovative-sme.yaml`, import.meta.url), 'utf8')) as {
    profiles: Record<string, { years: Record<string, Record<string, unknown>> } & Record<string, unknown>>;
  };
  const { regionCode: _r, years, ...rest } = doc.profiles.typical!;
  const shift = lastYear - 2025;
  const moved = Object.fromEntries(Object.entries(years).map(([y, v]) => [String(Number(y) + shift), { ...v }]));
  moved[String(lastYear)]!.rdExpense = null;
  return { ...rest, years: moved };
};

interface AppState {
  status: string;
  level: string | null;
  version: number;
  title: { id: number; certificateNo: string } | null;
}

afterAll(async () => {
  await setToday(null);
});

describe('recognition workflow', () => {
  it('takes one application from submission to certificate through the firm, two levels, the notice and the public', async () => {
    const today = chinaToday();
    const jiangsu = await apiAs('jiangsu');
    const firmApi = await apiAs('firm-nanjing');
    const uscc = firmApi.user!.uscc!;
    // A title from an earlier run (granted "tomorrow") would refuse a new application: end it on its
    // first day (a ground with no bar), and come back to today.
    await setToday(addDays(today, 1));
    const held = await firmApi.get<{ items: { id: number; honor: string; state: string }[] }>(
      `/api/v1/titles?q=${uscc}`,
    );
    for (const t of held.items.filter((x) => x.honor === 'innovative_sme' && x.state === 'valid'))
      await jiangsu.post(`/api/v1/titles/${t.id}/revoke`, { reason: 'no_longer_qualified', note: '测试前清理' });
    await setToday(today);
    const lastYear = Number(today.slice(0, 4)) - 1;
    await firmApi.post(`/api/v1/enterprises/${uscc}/facts`, { facts: typical(lastYear) });
    const batch = await jiangsu.post<{ id: number }>('/api/v1/batches', {
      policyId: POLICY,
      title: `南京市创新型中小企业评价（浏览器测试 ${Date.now()}）`,
      levels: ['city', 'province'],
      opensOn: today,
      closesOn: addDays(today, 30),
      noticeDays: 1,
    });

    // The firm applies, uploads a file, signs the pledge and submits.
    const firm = await e2e.page({ user: 'firm-nanjing' });
    await firm.goto('/applications');
    await firm.getByTestId(`apply-${batch.id}`).click();
    await firm.waitForURL(/\/applications\/\d+$/);
    const id = Number(new URL(firm.url()).pathname.split('/').pop());
    const state = () => firmApi.get<AppState>(`/api/v1/applications/${id}`);
    // The page asks for the one fact the evaluation lacks; filled in here, the firm qualifies.
    await firm.getByTestId(`fill-years.${lastYear}.rdExpense`).click();
    const dialog = firm.getByRole('dialog');
    await dialog.getByLabel(/研发费用/).fill('150');
    await dialog.getByTestId('fact-save').click();
    await expect
      .poll(() => firm.getByTestId('live-verdict').getAttribute('data-verdict'), { timeout: 15_000 })
      .toBe('qualified');
    await firm
      .getByTestId('evidence-upload-other')
      .setInputFiles({ name: '研发费用专项审计报告.pdf', mimeType: 'application/pdf', buffer: PDF });
    await firm.getByTestId('evidence-item').first().waitFor();
    await firm.getByTestId('pledge-accept').check();
    await firm.getByTestId('pledge-signer').fill('王经理');
    await firm.getByTestId('submit-application').click();
    await expect.poll(async () => (await state()).status, { timeout: 15_000 }).toBe('in_review');
    await expect
      .poll(() => firm.getByTestId('application-status').first().getAttribute('data-status'))
      .toBe('in_review');

    // The city finds it in its queue and approves on the evaluation, with the evidence beside it.
    const city = await e2e.page({ user: 'nanjing' });
    await city.goto('/console/applications');
    await city.getByTestId(`queue-row-${id}`).waitFor();
    await city.goto(`/console/applications/${id}`);
    await city.getByTestId('live-evaluation').waitFor();
    expect(await city.getByTestId('evidence-by-claim').textContent()).toContain('研发费用专项审计报告.pdf');
    await city.getByTestId('review-approve').click();
    await city.getByTestId('review-confirm').click();
    await expect.poll(async () => (await state()).level, { timeout: 15_000 }).toBe('province');

    // The province approves and publishes the notice.
    const province = await e2e.page({ user: 'jiangsu' });
    await province.goto(`/console/applications/${id}`);
    await province.getByTestId('review-approve').click();
    await province.getByTestId('review-confirm').click();
    await expect.poll(async () => (await state()).status, { timeout: 15_000 }).toBe('approved');
    await province.goto(`/console/batches?batch=${batch.id}`);
    await province.getByTestId(`publish-${batch.id}`).click();
    await province.getByTestId('publish-confirm').click();
    await expect.poll(async () => (await state()).status, { timeout: 15_000 }).toBe('in_notice');
    const notices = await jiangsu.get<{ items: { id: number; batchId: number }[] }>('/api/v1/notices');
    const noticeId = notices.items.find((n) => n.batchId === batch.id)!.id;

    // Anyone objects on the public notice page, with a contact.
    const visitor = await e2e.page();
    await visitor.goto(`/notices/${noticeId}`);
    await visitor.getByTestId(`notice-firm-${id}`).waitFor();
    await visitor.getByTestId(`object-${id}`).click();
    await visitor.getByTestId('objection-form').waitFor();
    await visitor.getByTestId('objection-text').fill('该企业申报的研发投入与实际经营情况不符，请核实。');
    await visitor.getByTestId('objection-name').fill('赵六');
    await visitor.getByTestId('objection-contact').fill('13800000000');
    await visitor.getByTestId('objection-submit').click();
    await visitor.getByTestId('objection-done').waitFor();

    // The next day the notice has run: the province dismisses the objection and decides.
    await setToday(addDays(today, 1));
    await province.goto(`/console/notices/${noticeId}`);
    const objections = await jiangsu.get<{ objections: { id: number; status: string }[] }>(
      `/api/v1/applications/${id}`,
    );
    const objection = objections.objections.find((o) => o.status === 'open')!;
    await province.getByTestId(`objection-dismiss-${objection.id}`).click();
    await province.getByTestId('objection-resolution').fill('经核查研发费用专项审计报告，投入属实，异议不成立。');
    await province.getByTestId('objection-confirm').click();
    await province.getByTestId('notice-decide').click();
    await province.getByTestId('decide-confirm').click();
    await expect.poll(async () => (await state()).status, { timeout: 15_000 }).toBe('certified');
    const { title } = await state();
    expect(title!.certificateNo).toMatch(/^CXX-32-\d{4}-\d{5}$/);

    // The firm sees its title; the register shows the certificate.
    await firm.reload();
    await firm.getByTestId('title-link').click();
    await firm.waitForURL(new RegExp(`/register/${title!.id}$`));
    const certificate = firm.getByTestId('certificate');
    await certificate.getByTestId('certificate-no').waitFor();
    expect(await certificate.textContent()).toContain(title!.certificateNo);
    expect(await certificate.textContent()).toContain('创新型中小企业');
    await ready(firm);
    await screenshot(firm, 'certificate');
    await visitor.goto(`/register?q=${encodeURIComponent(title!.certificateNo)}`);
    await visitor.getByTestId('register-table').getByText(title!.certificateNo).waitFor();
  });
});
