/**
 * 待核实 from the firm's word to the money: a 新吴 firm declared last year's high-tech certificate
 * itself (the demo's firm-xinwu-declared), so its invitation to the reward says the authority must
 * verify it first; 无锡's bureau finds the request in its inbox, opens the firm, sees the firm's
 * value beside the record and verifies it with a reason; the firm checks again and is offered 40 万元.
 */
import { describe, expect, it } from 'vitest';
import { apiAs, useBrowser } from './harness.ts';

const e2e = useBrowser();
const POLICY = 'local.320214.high-tech-reward';

interface Claim {
  id: number;
  policyId: string;
  status: string;
  unverified: string[] | null;
}

describe('待核实', () => {
  it('a firm’s own certificate waits for the bureau, which verifies it, and then pays', async () => {
    const firmApi = await apiAs('firm-xinwu-declared');
    const { uscc } = firmApi.user!;
    const claimOf = async () =>
      (await firmApi.get<{ items: Claim[] }>('/api/v1/claims')).items.find((c) => c.policyId === POLICY)!;
    const invited = await claimOf();
    expect(invited, 'firm-xinwu-declared has no waiting invitation: run on a fresh demo').toMatchObject({
      status: 'invited',
      unverified: ['honors'],
    });

    // The firm is told plainly that its own word waits for the authority, not asked for it again.
    const firm = await e2e.page({ user: 'firm-xinwu-declared' });
    await firm.goto(`/claims/${invited.id}`);
    const notice = firm.getByTestId('claim-unverified');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('以下信息为企业自报，须经主管部门核实后方可兑现：资质荣誉');
    expect(await firm.getByTestId('missing-facts').count()).toBe(0);

    // The bureau finds the request among its to-dos and lands on the firm.
    const officer = await e2e.page({ user: 'wuxi' });
    await officer.goto('/inbox');
    const mine = officer.locator('[data-testid=inbox-item][data-kind=verify_facts]').filter({
      has: officer.locator(`a[href="/console/enterprises/${uscc}"]`),
    });
    await mine.waitFor();
    expect(await mine.textContent()).toContain('核实企业申报');
    await mine.getByRole('link').click();
    await officer.waitForURL(new RegExp(`/console/enterprises/${uscc}$`));

    // The firm's declaration beside the record, and 核实通过 with the default reason.
    const card = officer.getByTestId('declared-facts');
    await card.waitFor();
    expect(await card.textContent()).toContain('待核实的企业申报');
    const row = card.locator('tr[data-row-key=honors]');
    expect(await row.getByTestId('declared-value').textContent()).toContain('高新技术企业');
    expect(await row.textContent()).toContain('无锡国家高新区（新吴区）高新技术企业认定奖励');
    await row.getByTestId('verify-honors').click();
    const reason = officer.getByLabel('核实理由');
    expect(await reason.inputValue()).toBe('核实企业申报');
    await reason.fill('已核对高新技术企业证书');
    await officer.getByTestId('verify-confirm').click();
    await row.getByTestId('declared-verified').waitFor();
    // The profile now has the title on a reviewer's word.
    const history = await (
      await apiAs('wuxi')
    ).get<{ items: { path: string; source: string; reason: string | null }[] }>(
      `/api/v1/enterprises/${uscc}/facts?path=honors`,
    );
    expect(history.items.at(-1)).toMatchObject({ source: 'reviewer', reason: '已核对高新技术企业证书' });

    // The firm checks again and is offered the reward.
    await firm.reload();
    await firm.getByTestId('claim-recheck').click();
    await firm.locator('[data-testid=claim-header][data-status=offered]').waitFor();
    expect(await firm.getByTestId('claim-amount').textContent()).toContain('40.00 万元');
    expect((await claimOf()).status).toBe('offered');
  });
});
