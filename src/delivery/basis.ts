/**
 * What a payout rests on, for the finance office: each fact without which the firm's decision
 * would not come out the same, with the source it stood on (所在地区：登记；资质荣誉：认定；…).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { decisions } from '../decisions/schema.ts';
import { profileAt } from '../enterprises/ledger.ts';
import { labelOfPath } from '../facts/paths.ts';
import { SOURCE_LABELS } from '../facts/sources.ts';
import type { Profile } from '../facts/profile.ts';
import type { FactSources } from '../facts/trust.ts';
import type { Platform } from '../platform/context.ts';
import { decisiveFacts } from '../policy/trusted.ts';
import type { Screener } from '../rules/engine.ts';
import { screeningResults } from './schema.ts';

interface Paid {
  id: number;
  uscc: string;
  screeningId: number;
  decisionId: number | null;
}

/** Claim id → its decisive facts and their sources, as one line of text. */
export async function paymentBasis(p: Platform, screener: Screener, paid: Paid[]): Promise<Map<number, string>> {
  const rechecked = paid.flatMap((c) => (c.decisionId === null ? [] : [c.decisionId]));
  const byDecision = new Map(
    rechecked.length
      ? (
          await p.db
            .select({ id: decisions.id, input: decisions.input, sources: decisions.sources })
            .from(decisions)
            .where(inArray(decisions.id, rechecked))
        ).map((d) => [d.id, d.sources ? { profile: d.input as Profile, sources: d.sources as FactSources } : null])
      : [],
  );
  const out = new Map<number, string>();
  for (const c of paid) {
    const { profile, sources } = (c.decisionId !== null && byDecision.get(c.decisionId)) || (await screened(p, c));
    const decisive = decisiveFacts(screener.quick, profile, Object.keys(sources).sort());
    out.set(
      c.id,
      decisive.map((path) => `${labelOfPath(path)?.zh ?? path}：${SOURCE_LABELS[sources[path]!].zh}`).join('；'),
    );
  }
  return out;
}

/** The facts as the screening took them: the firm's facts up to its decision record's ledger entry. */
async function screened(p: Platform, c: Paid): Promise<{ profile: Profile; sources: FactSources }> {
  const [r] = await p.db
    .select({ mark: screeningResults.ledgerMark })
    .from(screeningResults)
    .where(and(eq(screeningResults.screeningId, c.screeningId), eq(screeningResults.uscc, c.uscc)));
  return r ? profileAt(p.db, c.uscc, r.mark) : { profile: {}, sources: {} };
}
