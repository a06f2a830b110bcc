/**
 * Reward policies: a visitor finds one in the policy library, reads its terms and checks a firm in
 * the calculator; an officer tries a wider window in the policy sandbox and sees the firms it adds,
 * the figures matching the API's answer to the same request.
 */
import { describe, expect, it } from 'vitest';
import { apiAs, ready, screenshot, useBrowser } from './harness.ts';

const e2e = useBrowser();
const POLICY = 'local.320214.high-tech-reward';

interface Reward {
  budget: { value: number | null };
  credit: string[];
}
interface PolicyDoc {
  title: { zh: string };
  editions: { parameters: Record<string, { value?: unknown; unit?: string }>; reward?: Reward }[];
}
interface Side {
  counts: Record<'qualified' | 'not_qualified' | 'undetermined', number>;
  amount: number;
}
interface SandboxAnswer {
  before: Side;
  after: Side;
  moved: number;
  movers: { uscc: string; name: string | null }[];
}

/** The number in an element's text: "1,200.00" → 1200. */
const numberIn = (text: string | null) => Number((text ?? '').replace(/[^\d.]/g, ''));

describe('policy library and a reward policy’s page', () => {
  it('a visitor finds 新吴’s high-tech reward, reads 免申即享 / 40 万元 / 1 亿元, and checks a firm', async () => {
    const doc = await (await apiAs(null)).get<PolicyDoc>(`/api/v1/policies/${POLICY}`);
    const edition = doc.editions[doc.editions.length - 1]!;
    const reward = edition.reward!;
    const sum = edition.parameters.firstCertificationReward!.value as number;
    const amount = `${sum / 10_000} 万元`;
    const budget = `${reward.budget.value! / 100_000_000} 亿元`;
    expect([amount, budget]).toEqual(['40 万元', '1 亿元']);

    const page = await e2e.page();
    await page.goto('/policies');
    const list = page.getByTestId('library-list');
    await list.waitFor();
    const allCards = await list.locator('[data-testid^="library-card-"]').count();
    await page.getByRole('textbox', { name: '按地区或名称搜索' }).fill('新吴');
    const card = page.getByTestId(`library-card-${POLICY}`);
    await card.waitFor();
    // The search narrows the library to the zone's policies; 闵行's reward is gone.
    await expect.poll(() => page.getByTestId('library-card-local.310112.specialized-reward').count()).toBe(0);
    expect(await list.locator('[data-testid^="library-card-"]').count()).toBeLessThan(allCards);
    expect(new URL(page.url()).searchParams.get('q')).toBe('新吴');
    const cardText = (await card.textContent()) ?? '';
    for (const shown of ['奖补', '免申即享', amount, budget]) expect(cardText).toContain(shown);

    await card.getByRole('link', { name: doc.title.zh }).click();
    await page.waitForURL((u) => u.pathname === `/policies/${POLICY}`);
    const terms = page.getByTestId('reward-terms');
    await terms.waitFor();
    expect(await terms.getByTestId('reward-delivery').textContent()).toContain('免申即享');
    expect(await terms.getByTestId('reward-amount').textContent()).toContain(amount);
    expect(await terms.getByTestId('reward-budget').textContent()).toContain(budget);
    // The conditions: the region first, the credit check last with one line per adverse record.
    const top = terms.locator('.hq-pcriteria').first().locator(':scope > li');
    expect(await top.first().getAttribute('data-criterion')).toBe('inRegion');
    expect(await top.first().textContent()).toContain('新吴');
    expect(await top.last().getAttribute('data-criterion')).toBe('credit');
    expect(await top.last().locator('li').count()).toBe(reward.credit.length);
    expect(await terms.textContent()).toContain('未公布'); // no phone was published
    // An officer's link to the sandbox is not offered to a visitor.
    expect(await page.getByTestId('policy-sandbox').count()).toBe(0);

    await page.getByTestId('policy-check').click();
    await page.waitForURL((u) => u.pathname === '/calculator');
    expect(new URL(page.url()).searchParams.getAll('policy')).toEqual([POLICY]);
    const picked = page.getByTestId('policy-picker').getByRole('checkbox', { name: doc.title.zh });
    await expect.poll(() => picked.isChecked()).toBe(true);
    await page.getByTestId(`verdict-${POLICY}`).waitFor();
  });
});

describe('policy sandbox', () => {
  it('wuxi widens withinYears from 1 to 2 years and sees the eligible firms it adds, as the API counts them', async () => {
    const page = await e2e.page({ user: 'wuxi' });
    await page.goto(`/console/sandbox?policy=${POLICY}`);
    const field = page.getByTestId('sandbox-param-withinYears');
    await field.waitFor();
    expect(await field.inputValue()).toBe('1');
    await field.fill('2');
    await page.getByTestId('sandbox-run').click();
    const result = page.getByTestId('sandbox-result');
    await result.waitFor();

    const api = await (
      await apiAs('wuxi')
    ).post<SandboxAnswer>(`/api/v1/policies/${POLICY}/sandbox`, { parameters: { withinYears: 2 } });
    const read = async (id: string) => numberIn(await page.getByTestId(id).textContent());
    const before = await read('sandbox-qualified-before');
    const after = await read('sandbox-qualified-after');
    expect([before, after]).toEqual([api.before.counts.qualified, api.after.counts.qualified]);
    expect(after).toBeGreaterThan(before);
    expect(await read('sandbox-qualified-delta')).toBe(after - before);
    // Money in 万元 with two decimals.
    expect(Math.round((await read('sandbox-amount-before')) * 10_000)).toBe(Math.round(api.before.amount));
    expect(Math.round((await read('sandbox-amount-after')) * 10_000)).toBe(Math.round(api.after.amount));
    expect(await read('sandbox-moved')).toBe(api.moved);
    expect(await page.getByTestId('sandbox-scope').textContent()).toContain('withinYears');
    expect(await page.getByTestId('sandbox-flows').textContent()).toContain('不合格 → 合格');

    const rows = page.getByTestId('sandbox-movers').locator('tbody tr.ant-table-row');
    expect(api.movers.length).toBeGreaterThan(0);
    expect(await rows.count()).toBe(Math.min(api.movers.length, 50));
    const first = (await rows.first().textContent()) ?? '';
    expect(first).toContain(api.movers[0]!.uscc);
    expect(first).toContain(api.movers[0]!.name ?? api.movers[0]!.uscc);
    expect(await page.getByTestId('sandbox-movers-partial').count()).toBe(api.movers.length < api.moved ? 1 : 0);

    await page.getByTestId('sandbox-chart').locator('canvas').waitFor();
    await ready(page);
    await screenshot(page, 'sandbox', { fullPage: true });
  });

  it('a reviewer whose region the policy does not reach is told so, in Chinese', async () => {
    const page = await e2e.page({ user: 'shanghai' });
    await page.goto(`/console/sandbox?policy=${POLICY}`);
    await page.getByTestId('sandbox-run').click();
    const alert = page.getByTestId('sandbox-error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('与所选辖区不重合');
    expect(await page.getByTestId('sandbox-result').count()).toBe(0);
  });
});
