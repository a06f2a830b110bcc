/**
 * 申报批次: an authority at the deciding level opens a batch for a tier in its region — the
 * application window, the evaluation date (which fixes the policy edition), the review levels from
 * the first to itself, and the days each level, the firm correcting, and the notice have.
 */
import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { regionFullName, regionPrefix } from '../facts/regions.ts';
import { requireRole, type Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Platform } from '../platform/context.ts';
import { AppError, invalid, notFound } from '../platform/errors.ts';
import { engineError } from '../policy/evaluation.ts';
import type { RecognitionDoc } from '../rules/schema.ts';
import type { Batch } from './records.ts';
import { batches } from './schema.ts';
import { LEVEL_LABELS, LEVEL_ORDER } from './workflow.ts';

export interface NewBatch {
  policyId: string;
  title: string;
  levels: string[];
  opensOn: string;
  closesOn: string;
  /** Defaults to the opening day. */
  asOf?: string | undefined;
  reviewDays?: number | undefined;
  correctionDays?: number | undefined;
  noticeDays?: number | undefined;
}

/** 15 days a level, 10 to correct, a 7-day notice: common in provincial notices; a batch may say otherwise. */
export const DEFAULT_DAYS = { reviewDays: 15, correctionDays: 10, noticeDays: 7 } as const;

/** The recognition terms of the batch's policy on its evaluation date (4xx when it grants no title). */
export function termsOf(p: Platform, b: Pick<Batch, 'policyId' | 'asOf'>): RecognitionDoc {
  try {
    return p.policies.recognition(b.policyId, b.asOf);
  } catch (e) {
    engineError(e);
  }
}

export function batchStatus(b: Pick<Batch, 'opensOn' | 'closesOn'>, today: string): 'scheduled' | 'open' | 'closed' {
  return today < b.opensOn ? 'scheduled' : today > b.closesOn ? 'closed' : 'open';
}

export function shownBatch(p: Platform, b: Batch) {
  const terms = termsOf(p, b);
  const edition = p.policies.edition(b.policyId, b.asOf);
  return {
    ...b,
    createdAt: b.createdAt.toISOString(),
    regionName: regionFullName(b.regionCode) ?? null,
    status: batchStatus(b, p.today()),
    policyTitle: edition.title,
    edition: edition.edition,
    honor: terms.honor,
    validity: terms.validity.value,
  };
}

export async function openBatch(p: Platform, actor: Actor, input: NewBatch) {
  requireRole(actor, 'reviewer');
  const asOf = input.asOf ?? input.opensOn;
  const terms = termsOf(p, { policyId: input.policyId, asOf });
  const problems: { field: string; message: string }[] = [];
  const ranks = input.levels.map((l) => LEVEL_ORDER.indexOf(l as (typeof LEVEL_ORDER)[number]));
  if (ranks.some((r) => r < 0)) problems.push({ field: 'levels', message: `levels are ${LEVEL_ORDER.join(', ')}` });
  else if (ranks.some((r, i) => i > 0 && r <= ranks[i - 1]!))
    problems.push({
      field: 'levels',
      message: 'levels go up once each, from the first reviewing level to the deciding one',
    });
  else if (input.levels[input.levels.length - 1] !== terms.decidedBy)
    problems.push({
      field: 'levels',
      message: `the last level decides: ${terms.decidedBy} (${LEVEL_LABELS[terms.decidedBy].zh}) for this title`,
    });
  if (input.closesOn < input.opensOn)
    problems.push({ field: 'closesOn', message: 'the window closes before it opens' });
  // Later than the window, no firm could have the figures the evaluation asks for while it applies.
  if (asOf > input.closesOn)
    problems.push({
      field: 'asOf',
      message: `the evaluation date falls on or before the window's last day, ${input.closesOn}`,
    });
  if (problems.length) throw invalid(problems);
  if (actor.level !== terms.decidedBy)
    throw new AppError(403, 'forbidden', {
      zh: `该称号由${LEVEL_LABELS[terms.decidedBy].zh}主管部门认定，只有该级审核人员可以发布申报批次`,
      en: `This title is decided at the ${terms.decidedBy} level; only its reviewers open batches`,
    });
  const [batch] = await p.db
    .insert(batches)
    .values({
      policyId: input.policyId,
      title: input.title.trim(),
      regionCode: actor.regionCode!,
      levels: input.levels,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      asOf,
      reviewDays: input.reviewDays ?? DEFAULT_DAYS.reviewDays,
      correctionDays: input.correctionDays ?? DEFAULT_DAYS.correctionDays,
      noticeDays: input.noticeDays ?? DEFAULT_DAYS.noticeDays,
      createdBy: actor.userId,
    })
    .returning();
  await recordAudit(p.db, actor, {
    action: 'batch.open',
    subjectType: 'batch',
    subjectId: String(batch!.id),
    regionCode: batch!.regionCode,
    detail: { policyId: batch!.policyId, levels: batch!.levels, opensOn: batch!.opensOn, closesOn: batch!.closesOn },
  });
  return shownBatch(p, batch!);
}

/** regionPrefix() in SQL: 000000 → '', 320000 → '32', 320200 → '3202', 320211 → '320211'. */
export const prefixSql = (code: SQL | typeof batches.regionCode) =>
  sql`(case when ${code} = '000000' then '' when ${code} like '__0000' then left(${code}, 2) when ${code} like '____00' then left(${code}, 4) else ${code} end)`;

export async function getBatch(p: Platform, id: number): Promise<Batch> {
  const [b] = await p.db.select().from(batches).where(eq(batches.id, id));
  if (!b) throw notFound({ zh: `申报批次 ${id}`, en: `Batch ${id}` });
  return b;
}

export interface BatchQuery {
  /** Only batches whose window is open today. */
  open?: boolean | undefined;
  /** Batches a firm of this region may apply to (the batch's region holds it). */
  region?: string | undefined;
  policy?: string | undefined;
}

/** Batches are public announcements: anyone may list them. */
export async function listBatches(p: Platform, q: BatchQuery) {
  const today = p.today();
  const where: (SQL | undefined)[] = [];
  if (q.open) where.push(lte(batches.opensOn, today), gte(batches.closesOn, today));
  if (q.policy) where.push(eq(batches.policyId, q.policy));
  if (q.region) {
    if (regionPrefix(q.region) === undefined)
      throw invalid([{ field: 'region', message: `${q.region} is not a GB/T 2260 code` }]);
    // The batch's region holds the firm's: its prefix starts the firm's code.
    where.push(sql`${q.region} like ${prefixSql(batches.regionCode)} || '%'`);
  }
  const rows = await p.db
    .select()
    .from(batches)
    .where(and(...where))
    .orderBy(desc(batches.opensOn), desc(batches.id))
    .limit(200);
  return rows.map((b) => shownBatch(p, b));
}
