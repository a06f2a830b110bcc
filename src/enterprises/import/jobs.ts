/**
 * Imports as background jobs: the upload is stored and queued at once (202), a worker reads it a
 * chunk at a time and writes progress to the import's row, and the caller polls for it. The file
 * is dropped once read; the rejected rows stay downloadable as an .xlsx.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { requireRole, type Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Platform } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { imports } from '../schema.ts';
import { projector } from '../tags.ts';
import { readGrid, SheetError } from './grid.ts';
import { rejectsWorkbook } from './rejects.ts';
import { ImportError, importRows } from './rows.ts';
import { importSheet } from './service.ts';

export const IMPORT_QUEUE = 'import';

type RowProblem = { row: number; column: string; reason: string };
/** The largest upload accepted. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

export async function submitImport(
  p: Platform,
  actor: Actor,
  file: { name: string; data: Buffer },
  year?: number,
): Promise<{ id: string }> {
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
    file: file.data,
  });
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

/** The worker: reads the stored file and imports it, recording progress as it goes. */
export async function runImport(p: Platform, id: string): Promise<void> {
  const [job] = await p.db.select().from(imports).where(eq(imports.id, id));
  if (!job || job.status === 'done' || job.status === 'failed' || !job.file) return;
  await p.db.update(imports).set({ status: 'running' }).where(eq(imports.id, id));
  try {
    const sheet = importRows(await readGrid(job.file, job.fileName), { year: job.year ?? undefined });
    const initialBad = sheet.bad.length;
    await p.db
      .update(imports)
      .set({ total: sheet.good.length + sheet.bad.length, rejected: initialBad })
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
        file: null,
        finishedAt: new Date(),
      })
      .where(eq(imports.id, id));
  } catch (e) {
    // A fault of ours (not of the file) is logged and reported, never left looking like it runs.
    const ours = !(e instanceof ImportError || e instanceof SheetError);
    if (ours) console.error(`import ${id}:`, e);
    const failure = ours
      ? `导入时发生内部错误，请稍后重试或联系管理员 (internal error: ${(e as Error).message})`
      : (e as Error).message;
    await p.db
      .update(imports)
      .set({ status: 'failed', failure, file: null, finishedAt: new Date() })
      .where(eq(imports.id, id));
  }
}

async function ownImport(p: Platform, actor: Actor, id: string) {
  const [job] = await p.db.select().from(imports).where(eq(imports.id, id));
  if (!job) throw notFound({ zh: `导入任务 ${id}`, en: `Import ${id}` });
  if (actor.role !== 'admin' && job.userId !== actor.userId)
    throw forbidden({ zh: '只能查看自己提交的导入任务', en: 'You may read only your own imports' });
  return job;
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
    rejectsUrl: j.rejects ? `/api/v1/imports/${j.id}/rejects.xlsx` : null,
    createdAt: j.createdAt.toISOString(),
    finishedAt: j.finishedAt?.toISOString() ?? null,
  };
}

export async function importRejects(p: Platform, actor: Actor, id: string): Promise<{ name: string; data: Buffer }> {
  const j = await ownImport(p, actor, id);
  if (!j.rejects)
    throw notFound({ zh: '未导入的行（该导入没有被拒绝的行）', en: 'Rejected rows (this import has none)' });
  return { name: j.fileName.replace(/\.(xlsx|csv)$/i, '') + '-未导入.xlsx', data: j.rejects };
}
