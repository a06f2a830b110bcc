/**
 * Titles granted (认定称号): the certificate number and validity the recognition terms give, the
 * honour written into the firm's profile (so the ladder — 专精特新 needs 创新型 — follows from the
 * rules), the public register, and revocation, which ends the title and bars new applications in
 * the same programme for as long as the terms say.
 */
import { and, asc, count, desc, eq, ilike, like, or, sql, type SQL } from 'drizzle-orm';
import { recordTitles } from '../enterprises/service.ts';
import { regionFullName } from '../facts/regions.ts';
import { reviewerCovers, type Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Platform } from '../platform/context.ts';
import { AppError, forbidden, invalid, notFound } from '../platform/errors.ts';
import { engineError } from '../policy/evaluation.ts';
import type { RecognitionDoc } from '../rules/schema.ts';
import { users } from '../platform/schema.ts';
import { certificatePdf } from './certificate.ts';
import { inTransaction, type Application, type Batch } from './records.ts';
import { titles } from './schema.ts';
import { addDays } from '../rules/dates.ts';
import { termEnd } from './terms.ts';
import { LEVEL_LABELS } from './workflow.ts';

export type Title = typeof titles.$inferSelect;

export type TitleState = 'valid' | 'expired' | 'revoked' | 'pending';

export function titleState(t: Pick<Title, 'validFrom' | 'validTo' | 'revokedOn'>, today: string): TitleState {
  if (t.revokedOn) return 'revoked';
  if (today < t.validFrom) return 'pending';
  return today > t.validTo ? 'expired' : 'valid';
}

/** ZJTX-32-2026-00017: the title's prefix, the province, the year, a running number. */
async function nextNumber(tp: Platform, prefix: string, regionCode: string, year: string): Promise<string> {
  const stem = `${prefix}-${regionCode.slice(0, 2)}-${year}-`;
  // Two decisions at once in the same province and year would count alike: take turns.
  await tp.db.execute(sql`select pg_advisory_xact_lock(hashtext(${stem}))`);
  const [row] = await tp.db
    .select({ n: count() })
    .from(titles)
    .where(like(titles.certificateNo, `${stem}%`));
  return `${stem}${String(row!.n + 1).padStart(5, '0')}`;
}

/** Grants the title of a certified application: a numbered certificate and the honour in the profile. */
export async function issueTitle(
  tp: Platform,
  actor: Actor,
  app: Application,
  batch: Batch,
  terms: RecognitionDoc,
): Promise<Title> {
  const validFrom = tp.today();
  const validTo = termEnd(terms.validity.value, validFrom)!;
  const certificateNo = await nextNumber(tp, terms.numberPrefix, app.regionCode, validFrom.slice(0, 4));
  const [title] = await tp.db
    .insert(titles)
    .values({
      uscc: app.uscc,
      name: app.firmName,
      regionCode: app.regionCode,
      policyId: batch.policyId,
      honor: terms.honor,
      programme: terms.programme,
      edition: tp.policies.edition(batch.policyId, batch.asOf).edition,
      certificateNo,
      validFrom,
      validTo,
      applicationId: app.id,
      issuedBy: actor.userId,
    })
    .returning();
  await recordTitles(
    tp,
    app.uscc,
    (honours) => [...honours, { kind: terms.honor, validFrom, validTo, certificateNo }],
    `user:${actor.userId}`,
  );
  return title!;
}

function termsOfTitle(p: Platform, t: Title): RecognitionDoc {
  try {
    // The terms it was granted under: the edition in force when it started.
    return p.policies.recognition(t.policyId, t.validFrom);
  } catch (e) {
    engineError(e);
  }
}

export const shownTitle = (t: Title, today: string, authority: string | null = null) => ({
  id: t.id,
  uscc: t.uscc,
  name: t.name,
  regionCode: t.regionCode,
  regionName: regionFullName(t.regionCode) ?? null,
  policyId: t.policyId,
  honor: t.honor,
  edition: t.edition,
  certificateNo: t.certificateNo,
  validFrom: t.validFrom,
  validTo: t.validTo,
  state: titleState(t, today),
  revokedOn: t.revokedOn,
  revokedReason: t.revokedReason,
  barredUntil: t.barredUntil,
  /** Who decided it (the deciding authority's account name). */
  authority,
  issuedAt: t.issuedAt.toISOString(),
});

async function authorityOf(p: Platform, t: Title): Promise<string | null> {
  const [issuer] = await p.db.select({ name: users.displayName }).from(users).where(eq(users.id, t.issuedBy));
  return issuer?.name ?? null;
}

export async function getTitle(p: Platform, id: number) {
  const [t] = await p.db.select().from(titles).where(eq(titles.id, id));
  if (!t) throw notFound({ zh: `认定记录 ${id}`, en: `Title ${id}` });
  return shownTitle(t, p.today(), await authorityOf(p, t));
}

export interface RegisterQuery {
  /** A name (part of it), a 统一社会信用代码 (its start) or a certificate number. */
  q?: string | undefined;
  honor?: string | undefined;
  page: number;
  pageSize: number;
}

/** The public register of titles granted, searchable by name, code or certificate number. */
export async function searchRegister(p: Platform, q: RegisterQuery) {
  const where: (SQL | undefined)[] = [];
  if (q.honor) where.push(eq(titles.honor, q.honor));
  if (q.q?.trim()) {
    const text = q.q.trim().replace(/[\\%_]/g, (m) => `\\${m}`);
    where.push(
      or(
        ilike(titles.name, `%${text}%`),
        like(titles.uscc, `${text.toUpperCase()}%`),
        eq(titles.certificateNo, q.q.trim().toUpperCase()),
      ),
    );
  }
  const filter = and(...where);
  const [rows, [total]] = await Promise.all([
    p.db
      .select()
      .from(titles)
      .where(filter)
      .orderBy(desc(titles.validFrom), asc(titles.certificateNo))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    p.db.select({ n: count() }).from(titles).where(filter),
  ]);
  const today = p.today();
  return { items: rows.map((t) => shownTitle(t, today)), total: total!.n, page: q.page, pageSize: q.pageSize };
}

/**
 * Revokes a title on one of the grounds its terms name: the title ends the day before, its honour
 * in the profile ends with it, and new applications in the programme are barred as the terms say.
 * Only reviewers of the deciding level whose region holds the firm may do it.
 */
export async function revokeTitle(p: Platform, actor: Actor, id: number, input: { reason: string; note: string }) {
  return inTransaction(p, async (tp) => {
    const [t] = await tp.db.select().from(titles).where(eq(titles.id, id));
    if (!t) throw notFound({ zh: `认定记录 ${id}`, en: `Title ${id}` });
    const terms = termsOfTitle(tp, t);
    if (actor.role !== 'reviewer' || actor.level !== terms.decidedBy || !reviewerCovers(actor, t.regionCode))
      throw forbidden({
        zh: `只有${LEVEL_LABELS[terms.decidedBy].zh}认定部门（企业所在辖区）可以撤销该称号`,
        en: `Only the ${terms.decidedBy}-level authority of the firm’s region may revoke this title`,
      });
    const today = tp.today();
    if (titleState(t, today) !== 'valid')
      throw new AppError(409, 'not_valid', {
        zh: `该称号当前不在有效期内（${titleState(t, today)}），无需撤销`,
        en: `The title is not in force (${titleState(t, today)})`,
      });
    const ground = terms.revocation[input.reason];
    if (!ground)
      throw invalid([
        { field: 'reason', message: `grounds for revocation: ${Object.keys(terms.revocation).join(', ')}` },
      ]);
    if (!input.note.trim()) throw invalid([{ field: 'note', message: 'say what happened (撤销说明)' }]);
    const ended = addDays(today, -1);
    const barredUntil = termEnd(ground.value, today);
    const [revoked] = await tp.db
      .update(titles)
      .set({ revokedOn: today, revokedReason: input.reason, revokedNote: input.note.trim(), barredUntil })
      .where(eq(titles.id, id))
      .returning();
    await recordTitles(
      tp,
      t.uscc,
      // The honour ends the day before; revoked on its first day, it never held.
      (honours) =>
        honours.flatMap((h) =>
          h.certificateNo !== t.certificateNo ? [h] : ended < t.validFrom ? [] : [{ ...h, validTo: ended }],
        ),
      `user:${actor.userId}`,
    );
    await recordAudit(tp.db, actor, {
      action: 'title.revoke',
      subjectType: 'enterprise',
      subjectId: t.uscc,
      regionCode: t.regionCode,
      detail: { title: id, certificateNo: t.certificateNo, reason: input.reason, barredUntil },
    });
    return shownTitle(revoked!, today);
  });
}

/** The title's certificate as a PDF: public, like the register it verifies against. */
export async function certificateOf(p: Platform, id: number) {
  const [t] = await p.db.select().from(titles).where(eq(titles.id, id));
  if (!t) throw notFound({ zh: `认定记录 ${id}`, en: `Title ${id}` });
  const terms = termsOfTitle(p, t);
  const authority = await authorityOf(p, t);
  const data = await certificatePdf({
    certificateNo: t.certificateNo,
    tier: terms.name.zh,
    firmName: t.name ?? t.uscc,
    uscc: t.uscc,
    validFrom: t.validFrom,
    validTo: t.validTo,
    authority: authority ?? regionFullName(t.regionCode) ?? '',
    issuedOn: t.validFrom,
    edition: t.edition,
    revokedOn: t.revokedOn,
  });
  return { name: `${t.certificateNo}.pdf`, data };
}
