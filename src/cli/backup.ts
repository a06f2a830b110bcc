/**
 * Restoring a `huiqi backup`: the embedded folder's .tar.gz (PGlite's own dump of its folder) into
 * an empty folder, a pg_dump archive into an empty PostgreSQL database with pg_restore. Each kind
 * goes back into its own kind; a target that holds a database is replaced only when told.
 */
import { openDatabase, runClientTool, targetNotEmpty, type DatabaseConfig } from '../platform/database.ts';
import { AppError } from '../platform/errors.ts';

/** What wrote the backup, told by its first bytes: gzip (PGlite's folder) or pg_dump's archive. */
export function backupKind(data: Buffer): 'pglite' | 'postgres' | undefined {
  if (data[0] === 0x1f && data[1] === 0x8b) return 'pglite';
  if (data.subarray(0, 5).toString('latin1') === 'PGDMP') return 'postgres';
  return undefined;
}

export async function restoreDatabase(
  config: DatabaseConfig,
  backup: Buffer,
  file: string,
  replace: boolean,
): Promise<void> {
  const kind = backupKind(backup);
  if (!kind)
    throw new AppError(400, 'not_a_backup', {
      zh: `${file} 不是 huiqi backup 写出的备份`,
      en: `${file} is not a backup written by huiqi backup`,
    });
  const target = config.url ? 'postgres' : 'pglite';
  if (kind !== target)
    throw new AppError(400, 'backup_kind_mismatch', {
      zh: `${file} 是${kind === 'pglite' ? '内置数据库' : 'PostgreSQL 服务器'}的备份，只能恢复到同类数据库（${kind === 'pglite' ? '不设 DATABASE_URL' : '设置 DATABASE_URL'}）`,
      en: `${file} is a backup of ${kind === 'pglite' ? 'the embedded database' : 'a PostgreSQL server'} and goes back into the same kind (${kind === 'pglite' ? 'leave DATABASE_URL unset' : 'set DATABASE_URL'})`,
    });
  if (!config.url) {
    const type = 'application/x-gzip';
    const d = await openDatabase({
      dataDir: config.dataDir,
      restore: { backup: new Blob([backup], { type }), replace },
    });
    return d.close();
  }
  const d = await openDatabase({ url: config.url });
  const tables = await d
    .execute(
      "select count(*)::int as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')",
    )
    .finally(() => d.close());
  if ((tables.rows[0] as { n: number }).n > 0 && !replace)
    throw targetNotEmpty('the database in DATABASE_URL', '数据库（DATABASE_URL）');
  await runClientTool('pg_restore', config.url, [
    '--no-owner',
    '--no-privileges',
    '--exit-on-error',
    ...(replace ? ['--clean', '--if-exists'] : []),
    file,
  ]);
}
