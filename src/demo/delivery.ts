/**
 * The demo's policy delivery, walked through the real services: 新吴's high-tech reward screened
 * over 无锡 by its city bureau and published — the first eligible firm gets the account firm-xinwu
 * and finds the offer in its inbox; the others have confirmed, and one of them has been paid, so
 * the totals show something. One firm without titles on record has declared last year's
 * certificate itself (account firm-xinwu-declared): its invitation waits for the bureau to verify
 * it (待核实). Skipped when any screening exists.
 */
import { and, asc, eq, ne } from 'drizzle-orm';
import { confirmClaim, publishScreening } from '../delivery/claims.ts';
import { recordPayments } from '../delivery/payments.ts';
import { claims, screeningResults, screenings } from '../delivery/schema.ts';
import { runScreening, startScreening } from '../delivery/screening.ts';
import { enterprises } from '../enterprises/schema.ts';
import { firmRecord, writeFacts } from '../enterprises/service.ts';
import type { Profile } from '../facts/profile.ts';
import type { NewUser } from '../platform/auth.ts';
import type { Platform } from '../platform/context.ts';
import { DEMO_PASSWORD } from './accounts.ts';
import { actorOf, firmActor } from './actors.ts';

export const XINWU_REWARD = 'local.320214.high-tech-reward';

export async function loadDeliveryDemo(p: Platform): Promise<NewUser[]> {
  if ((await p.db.select({ id: screenings.id }).from(screenings).limit(1)).length) return [];
  const wuxi = await actorOf(p, 'wuxi');
  const declaring = await declareCertificate(p);

  const xinwu = await startScreening(p, wuxi, { policyId: XINWU_REWARD });
  await runScreening(p, xinwu.id);
  const [eligible] = await p.db
    .select({ uscc: screeningResults.uscc })
    .from(screeningResults)
    .where(and(eq(screeningResults.screeningId, xinwu.id), eq(screeningResults.verdict, 'qualified')))
    .orderBy(asc(screeningResults.uscc))
    .limit(1);

  await publishScreening(p, wuxi, xinwu.id, {});
  const others = await p.db
    .select()
    .from(claims)
    .where(
      and(
        eq(claims.screeningId, xinwu.id),
        eq(claims.status, 'offered'),
        eligible ? ne(claims.uscc, eligible.uscc) : undefined,
      ),
    )
    .orderBy(asc(claims.id));
  for (const [i, c] of others.entries())
    await confirmClaim(p, firmActor(c.uscc), c.id, {
      version: c.version,
      bankName: i % 2 ? '中国工商银行无锡新区支行' : '江苏银行无锡新区支行',
      accountName: c.firmName ?? '',
      accountNo: `6228${String(c.id).padStart(8, '0')}${i}`,
    });
  if (others[0])
    await recordPayments(p, wuxi, XINWU_REWARD, [
      {
        claimId: others[0].id,
        status: 'paid',
        paidOn: p.today(),
        reference: `XW-${p.today().replaceAll('-', '')}-001`,
      },
    ]);

  return [
    ...(await firmAccount(p, 'firm-xinwu', eligible?.uscc)),
    ...(await firmAccount(p, 'firm-xinwu-declared', declaring)),
  ];
}

async function firmAccount(p: Platform, username: string, uscc: string | undefined): Promise<NewUser[]> {
  const firm = uscc ? await firmRecord(p, uscc) : null;
  return firm?.name ? [{ username, displayName: firm.name, role: 'enterprise', uscc, password: DEMO_PASSWORD }] : [];
}

/**
 * The first 新吴 firm with no titles on record declares, on the portal, a high-tech certificate of
 * last year: only its own word would earn it the reward. Its USCC, if there is such a firm.
 */
async function declareCertificate(p: Platform): Promise<string | undefined> {
  const firms = await p.db
    .select({ uscc: enterprises.uscc, profile: enterprises.profile })
    .from(enterprises)
    .where(eq(enterprises.regionCode, '320214'))
    .orderBy(asc(enterprises.uscc));
  const firm = firms.find((f) => (f.profile as Profile).honors === undefined);
  if (!firm) return undefined;
  const year = Number(p.today().slice(0, 4)) - 1;
  const certificate = { kind: 'high_tech_enterprise', validFrom: `${year}-11-20`, validTo: `${year + 3}-11-19` };
  await writeFacts(p, firmActor(firm.uscc), firm.uscc, { honors: [certificate] });
  return firm.uscc;
}
