/**
 * 佐证材料: files backing the claims an application makes (an IP item, a year's R&D expense, an
 * audit report). PDF, PNG or JPEG only — told by the file's own first bytes, not its name — up to
 * 10 MB each and 50 an application, kept with their SHA-256 so the same file is stored once per claim.
 */
import { createHash } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { catalog } from '../facts/catalog.ts';
import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Platform } from '../platform/context.ts';
import { AppError, invalid } from '../platform/errors.ts';
import { inTransaction, logStep, readableApplication, readableAttachment, requireOwnFirm } from './records.ts';
import { evidence } from './schema.ts';
import { assertMove } from './workflow.ts';

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_MAX_FILES = 50;

const KINDS = [
  { type: 'application/pdf', ext: ['pdf'], magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/png', ext: ['png'], magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', ext: ['jpg', 'jpeg'], magic: [0xff, 0xd8, 0xff] },
] as const;

/** The file's kind from its first bytes, or undefined when it is none we take. */
export function sniff(data: Uint8Array): (typeof KINDS)[number] | undefined {
  return KINDS.find((k) => k.magic.every((b, i) => data[i] === b));
}

/** `other`, or a fact path of the profile: `ip[0]`, `honors[1]`, `years.2025.rdExpense`, `regionCode`. */
export function isClaim(claim: string): boolean {
  if (claim === 'other') return true;
  const year = /^years\.(\d{4})\.(\w+)$/.exec(claim);
  if (year) return year[2]! in catalog.yearly;
  const item = /^(\w+)\[(\d{1,3})\]$/.exec(claim);
  if (item) return item[1]! in catalog.lists;
  const flag = /^compliance\.(\w+)$/.exec(claim);
  if (flag) return flag[1]! in catalog.compliance;
  return claim in catalog.scalars;
}

export async function addEvidence(
  p: Platform,
  actor: Actor,
  applicationId: number,
  file: { claim: string; fileName: string; data: Uint8Array },
) {
  const problems: { field: string; message: string }[] = [];
  if (!isClaim(file.claim))
    problems.push({
      field: 'claim',
      message: `"${file.claim}" is not a fact of the profile (e.g. ip[0], years.2025.rdExpense) nor "other"`,
    });
  const kind = sniff(file.data);
  const ext = file.fileName.toLowerCase().split('.').pop() ?? '';
  if (file.data.length === 0) problems.push({ field: 'file', message: 'the file is empty' });
  else if (file.data.length > EVIDENCE_MAX_BYTES)
    problems.push({
      field: 'file',
      message: `the file is ${(file.data.length / 1048576).toFixed(1)} MB; at most 10 MB`,
    });
  else if (!kind)
    problems.push({ field: 'file', message: 'only PDF, PNG and JPEG files are taken (判断依据为文件内容)' });
  else if (!(kind.ext as readonly string[]).includes(ext))
    problems.push({ field: 'file', message: `the file is a ${kind.type} but is named .${ext}` });
  if (problems.length) throw invalid(problems);
  return inTransaction(p, async (tp) => {
    const { app, batch } = await readableApplication(tp, actor, applicationId);
    requireOwnFirm(actor, app);
    assertMove('evidence', app.status);
    const [held] = await tp.db.select({ n: count() }).from(evidence).where(eq(evidence.applicationId, applicationId));
    if (held!.n >= EVIDENCE_MAX_FILES)
      throw new AppError(409, 'too_many_files', {
        zh: `每份申报最多上传 ${EVIDENCE_MAX_FILES} 个文件`,
        en: `At most ${EVIDENCE_MAX_FILES} files an application`,
      });
    const sha256 = createHash('sha256').update(file.data).digest('hex');
    const [saved] = await tp.db
      .insert(evidence)
      .values({
        applicationId,
        claim: file.claim,
        fileName: file.fileName.slice(0, 200),
        mediaType: kind!.type,
        size: file.data.length,
        sha256,
        content: Buffer.from(file.data),
        uploadedBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning({ id: evidence.id });
    if (!saved) {
      const [same] = await tp.db
        .select({ id: evidence.id })
        .from(evidence)
        .where(
          and(eq(evidence.applicationId, applicationId), eq(evidence.claim, file.claim), eq(evidence.sha256, sha256)),
        );
      return { id: same!.id, sha256, duplicate: true };
    }
    await logStep(tp, actor, app, batch, {
      action: 'evidence_add',
      detail: { evidence: saved.id, claim: file.claim, fileName: file.fileName, sha256, size: file.data.length },
    });
    return { id: saved.id, sha256, duplicate: false };
  });
}

async function evidenceWithApplication(p: Platform, actor: Actor, id: number) {
  const [row] = await p.db.select().from(evidence).where(eq(evidence.id, id));
  return readableAttachment(p, actor, row, { zh: `材料 ${id}`, en: `Evidence ${id}` });
}

/** The file, for whoever may read the application (audited when it is another party's). */
export async function readEvidence(p: Platform, actor: Actor, id: number) {
  const { row, app } = await evidenceWithApplication(p, actor, id);
  if (actor.role !== 'enterprise')
    await recordAudit(p.db, actor, {
      action: 'evidence.read',
      subjectType: 'enterprise',
      subjectId: app.uscc,
      regionCode: app.regionCode,
      detail: { evidence: id, application: app.id },
    });
  return { fileName: row.fileName, mediaType: row.mediaType, content: row.content, sha256: row.sha256 };
}

/** The firm removes a file while it may still change the application. */
export async function removeEvidence(p: Platform, actor: Actor, id: number) {
  return inTransaction(p, async (tp) => {
    const { row, app, batch } = await evidenceWithApplication(tp, actor, id);
    requireOwnFirm(actor, app);
    assertMove('evidence', app.status);
    await tp.db.delete(evidence).where(eq(evidence.id, id));
    await logStep(tp, actor, app, batch, {
      action: 'evidence_remove',
      detail: { evidence: id, claim: row.claim, fileName: row.fileName, sha256: row.sha256 },
    });
  });
}
