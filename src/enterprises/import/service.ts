/**
 * Importing a spreadsheet into the registry: good rows are recorded in the fact ledger as an
 * import, a chunk at a time; bad rows are kept for the file of rejected rows; a row whose values
 * are already recorded writes nothing — so importing the same file again changes nothing.
 * A reviewer's import may only touch firms in their region; other rows are turned away.
 */
import { inArray } from 'drizzle-orm';
import { isWithinRegion, NATIONAL } from '../../facts/regions.ts';
import type { Db } from '../../platform/database.ts';
import { recordBatch, type Project } from '../ledger.ts';
import { enterprises } from '../schema.ts';
import { readGrid } from './grid.ts';
import { importRows, type GoodRow, type SheetImport } from './rows.ts';

export interface ImportOutcome {
  sheet: SheetImport;
  /** Firms with at least one new or changed fact. */
  changed: number;
  /** Firms whose every value was already recorded. */
  unchanged: number;
  factsWritten: number;
}

export interface ImportOptions {
  actor: string;
  project?: Project | undefined;
  /** Only firms within this region may be written (a reviewer's import). */
  scope?: string | undefined;
  /** Called after each chunk with the rows done so far. */
  progress?: ((done: number, outcome: ImportOutcome) => Promise<void>) | undefined;
}

const CHUNK = 500;

/** The region a row's firm is in: the row's own, else the registry's, else the code's digits 3–8. */
async function outOfScope(db: Db, rows: GoodRow[], scope: string): Promise<Set<GoodRow>> {
  if (scope === NATIONAL) return new Set();
  const known = await db
    .select({ uscc: enterprises.uscc, regionCode: enterprises.regionCode })
    .from(enterprises)
    .where(
      inArray(
        enterprises.uscc,
        rows.map((r) => r.profile.uscc as string),
      ),
    );
  const registered = new Map(known.map((k) => [k.uscc, k.regionCode]));
  return new Set(
    rows.filter((r) => {
      const uscc = r.profile.uscc as string;
      const region = (r.profile.regionCode as string | undefined) ?? registered.get(uscc) ?? uscc.slice(2, 8);
      const before = registered.get(uscc);
      return !isWithinRegion(region, scope) || (before != null && !isWithinRegion(before, scope));
    }),
  );
}

export async function importSheet(db: Db, sheet: SheetImport, opts: ImportOptions): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { sheet, changed: 0, unchanged: 0, factsWritten: 0 };
  const good = sheet.good;
  sheet.good = [];
  for (let i = 0; i < good.length; i += CHUNK) {
    let chunk = good.slice(i, i + CHUNK);
    if (opts.scope) {
      const away = await outOfScope(db, chunk, opts.scope);
      for (const r of away)
        sheet.bad.push({
          row: r.row,
          uscc: r.profile.uscc as string,
          errors: [{ column: '所属地区', reason: '该企业不在您的辖区内 (outside your region)' }],
          cells: r.cells,
        });
      chunk = chunk.filter((r) => !away.has(r));
    }
    const written = await recordBatch(
      db,
      chunk.map(({ profile: { uscc, ...facts } }) => ({ uscc: uscc as string, profile: facts })),
      { source: 'import', actor: opts.actor },
      opts.project,
    );
    sheet.good.push(...chunk);
    for (const n of written) {
      outcome.factsWritten += n;
      if (n > 0) outcome.changed++;
      else outcome.unchanged++;
    }
    await opts.progress?.(Math.min(i + CHUNK, good.length), outcome);
  }
  sheet.bad.sort((a, b) => a.row - b.row);
  return outcome;
}

export async function importSpreadsheet(
  db: Db,
  data: Buffer,
  fileName: string,
  opts: ImportOptions & { year?: number | undefined },
): Promise<ImportOutcome> {
  return importSheet(db, importRows(await readGrid(data, fileName), { year: opts.year }), opts);
}
