/**
 * Imports as background jobs: the upload is stored (in parts, uploads.ts) and queued at once (202);
 * a worker reads it off the API's thread (parseSheet), writes it a chunk at a time with progress
 * and a heartbeat on the import's row, and the caller polls that row. The file is dropped once
 * read; the rejected rows stay downloadable as an .xlsx. An import left running by a stopped
 * process fails with the reason, rather than being retried into whatever stopped it.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, getTableColumns, lt, sql } from 'drizzle-orm';
import { requireRole, type Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Platform } from '../../platform/context.ts';
import { AppError, notFound, visibleTo } from '../../platform/errors.ts';
import type { Upload } from '../../platform/http.ts';
import { whileBeating, type Sweep } from '../../platform/jobs.ts';
import { SheetError } from '../../platform/sheets.ts';
import { dropUpload, readUpload, storeUpload } from '../../platform/uploads.ts';
import { imports } from '../schema.ts';
import { projector } from '../tags.ts';
import { both } from './messages.ts';
import { rejectsWorkbook } from './rejects.ts';
import { ImportError } from './rows.ts';
import { importSheet, parseSheet } from './service.ts';

export const IMPORT_QUEUE = 'import';

type RowProblem = { row: number; column: string; reason: string };
/** The largest upload accepted. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

export async function submitImport(p: Platform, actor: Actor, file: Upload, year?: number): Promise<{ id: string }> {
  requireRole(actor, 'reviewer', 'admin');
  if (!/\.(xlsx|csv)$/i.test(file.name))
    throw new AppError(415, 'unsupported_file', {
      zh: `不支持的文件类型「${file.name}」，请上传 .xlsx 或 .csv 文件`,
      en: `"${file.name}" is not an .xlsx or .csv file`,
    });
  if (file.data.length === 0)
    throw new AppError(400, 'empty_file', { zh: '上传的文件是空的', en: 'The file is empty' }, [
      { field: 'file', message: '文件是空的 / the file is empty' },
    ]);
  const id = randomUUID();
  await p.db.insert(imports).values({
    id,
    fileName: file.name,
    year: year ?? null,
    userId: actor.userId,
    regionScope: actor.role === 'reviewer' ? actor.regionCode : null,
  });
  await storeUpload(p.db, id, file.data);
  await recordAudit(p.db, actor, {
    action: 'import.submit',
    subjectType: 'import',
    subjectId: id,
    regionCode: actor.regionCode,
    detail: { file: file.name, bytes: file.data.length },
  });
  await p.jobs.send(IMPORT_QUEUE, { id });
  return { id };
}

const running = (id: string) => and(eq(imports.id, id), eq(imports.status, 'running'));

/** Ends an import that cannot go on, saying why, and drops its file. */
async function failImport(p: Platform, id: string, failure: string): Promise<void> {
  await p.db.update(imports).set({ status: 'failed', failure, finishedAt: new Date() }).where(running(id));
  await dropUpload(p.db, id);
}

/**
 * The worker: takes a queued import (a second delivery of the same job finds it taken and does
 * nothing), reads its file and imports it, recording progress and a heartbeat as it goes.
 */
export async function runImport(p: Platform, id: string): Promise<void> {
  const [job] = await p.db
    .update(imports)
    .set({ status: 'running', attempts: sql`${imports.attempts} + 1`, heartbeatAt: new Date() })
    .where(and(eq(imports.id, id), eq(imports.status, 'queued')))
    .returning();
  if (!job) return;
  const beat = () => p.db.update(imports).set({ heartbeatAt: new Date() }).where(running(id));
  try {
    await whileBeating(beat, () => importJob(p, job));
  } catch (e) {
    // A fault of ours (not of the file) is logged and reported, never left looking like it runs.
    const ours = !(e instanceof ImportError || e instanceof SheetError);
    if (ours) console.error(`import ${id}:`, e);
    const failure = ours
      ? `导入时发生内部错误，请稍后重试或联系管理员 (internal error: ${(e as Error).message})`
      : (e as Error).message;
    await failImport(p, id, failure);
  }
}

async function importJob(p: Platform, job: typeof imports.$inferSelect): Promise<void> {
  const { id } = job;
  const data = await readUpload(p.db, id);
  if (!data) throw new Error('the uploaded file is no longer stored');
  const sheet = await parseSheet(data, job.fileName, job.year ?? undefined);
  const initialBad = sheet.bad.length;
  await p.db
    .update(imports)
    .set({ total: sheet.good.length + sheet.bad.length, rejected: initialBad, heartbeatAt: new Date() })
    .where(eq(imports.id, id));
  const outcome = await importSheet(p.db, sheet, {
    actor: `import:${id}`,
    project: projector(p.policies, p.today()),
    scope: job.regionScope ?? undefined,
    progress: async (done, o) => {
      await p.db
        .update(imports)
        .set({
          processed: done,
          imported: o.changed + o.unchanged,
          unchanged: o.unchanged,
          rejected: sheet.bad.length,
          heartbeatAt: new Date(),
        })
        .where(eq(imports.id, id));
    },
  });
  const errors = sheet.bad.flatMap((b) => b.errors.map((e) => ({ row: b.row, column: e.column, reason: e.reason })));
  await p.db
    .update(imports)
    .set({
      status: 'done',
      processed: sheet.good.length + sheet.bad.length,
      imported: sheet.good.length,
      unchanged: outcome.unchanged,
      rejected: sheet.bad.length,
      errors,
      warnings: sheet.headerProblems.map((h) => ({ row: sheet.headerRow, column: h.header, reason: h.reason })),
      rejects: sheet.bad.length ? await rejectsWorkbook(sheet) : null,
      finishedAt: new Date(),
    })
    .where(eq(imports.id, id));
  await dropUpload(p.db, id);
}

/** Said of an import whose process stopped while it ran; the rows it wrote stay, once each. */
const STOPPED = both(
  '导入过程中服务进程意外中断，导入已停止。已导入的行已保存，再次上传同一文件不会重复导入，只会补上其余的行',
  'the process stopped while importing; rows already imported are kept, and uploading the file again adds only the rest',
);

/** Imports left running by a stopped process fail for good, with the reason (see Sweep). */
export const sweepImports =
  (p: Platform): Sweep =>
  async ({ staleBefore }) => {
    const stale = await p.db
      .select({ id: imports.id })
      .from(imports)
      .where(and(eq(imports.status, 'running'), lt(imports.heartbeatAt, staleBefore)));
    for (const { id } of stale) await failImport(p, id, STOPPED);
  };

/** The caller's own import (any, for an administrator); another's answers as one that does not exist. */
async function ownImport(p: Platform, actor: Actor, id: string) {
  requireRole(actor, 'reviewer', 'admin');
  // The row without the rejected rows' file: the page polls this every second.
  const { rejects, ...columns } = getTableColumns(imports);
  const [job] = await p.db
    .select({ ...columns, hasRejects: sql<boolean>`${rejects} is not null` })
    .from(imports)
    .where(eq(imports.id, id));
  return visibleTo(job, (j) => actor.role === 'admin' || j.userId === actor.userId, {
    zh: `导入任务 ${id}`,
    en: `Import ${id}`,
  });
}

export async function getImport(p: Platform, actor: Actor, id: string) {
  const j = await ownImport(p, actor, id);
  return {
    id: j.id,
    fileName: j.fileName,
    status: j.status,
    total: j.total,
    processed: j.processed,
    imported: j.imported,
    unchanged: j.unchanged,
    rejected: j.rejected,
    errors: (j.errors as RowProblem[] | null) ?? [],
    warnings: (j.warnings as RowProblem[] | null) ?? [],
    failure: j.failure,
    rejectsUrl: j.hasRejects ? `/api/v1/imports/${j.id}/rejects.xlsx` : null,
    createdAt: j.createdAt.toISOString(),
    finishedAt: j.finishedAt?.toISOString() ?? null,
  };
}

export async function importRejects(p: Platform, actor: Actor, id: string): Promise<{ name: string; data: Buffer }> {
  const j = await ownImport(p, actor, id);
  const [{ rejects } = { rejects: null }] = j.hasRejects
    ? await p.db.select({ rejects: imports.rejects }).from(imports).where(eq(imports.id, id))
    : [];
  if (!rejects)
    throw notFound({ zh: '未导入的行（该导入没有被拒绝的行）', en: 'Rejected rows (this import has none)' });
  return { name: j.fileName.replace(/\.(xlsx|csv)$/i, '') + '-未导入.xlsx', data: rejects };
}
