/**
 * Importing a spreadsheet into the registry: good rows are recorded in the fact ledger as an
 * import, a chunk at a time; bad rows are kept for the file of rejected rows; a row whose values
 * are already recorded writes nothing — so importing the same file again changes nothing.
 * A reviewer's import may only touch firms in their region; other rows are turned away, and a
 * row already rejected for a cell of its own is told so too (fixing the cell would not help).
 */
import { inArray } from 'drizzle-orm';
import { isWithinRegion, NATIONAL } from '../../facts/regions.ts';
import type { Db } from '../../platform/database.ts';
import type parseTask from './parse-task.ts';
import { recordBatch, type Project } from '../ledger.ts';
import { enterprises } from '../schema.ts';
import { letRequestsIn } from '../../platform/jobs.ts';
import { offThread } from '../../platform/off-thread.ts';
import { sheetExhausted, SHEET_HEAP_MB } from '../../platform/sheets.ts';
import { row as says } from './messages.ts';
import { ImportError, type GoodRow, type SheetImport } from './rows.ts';

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

/** What places a row's firm: its code and the region the row gives, either possibly missing. */
interface Placed {
  uscc: string | null;
  regionCode: string | null;
}
const placeGood = ({ profile: p }: GoodRow): Placed => ({
  uscc: p.uscc as string,
  regionCode: typeof p.regionCode === 'string' ? p.regionCode : null,
});

/**
 * The rows whose firm is outside `scope`: the region is the row's own, else the registry's, else
 * the code's digits 3–8; a firm the registry places outside the scope stays outside it whatever
 * the row says. A row with neither a code nor a region cannot be placed and is left alone.
 */
async function outOfScope<T>(db: Db, rows: readonly T[], place: (row: T) => Placed, scope: string): Promise<Set<T>> {
  if (scope === NATIONAL) return new Set();
  const codes = [...new Set(rows.flatMap((r) => place(r).uscc?.trim().toUpperCase() ?? []))];
  const known = codes.length
    ? await db
        .select({ uscc: enterprises.uscc, regionCode: enterprises.regionCode })
        .from(enterprises)
        .where(inArray(enterprises.uscc, codes))
    : [];
  const registered = new Map(known.map((k) => [k.uscc, k.regionCode]));
  return new Set(
    rows.filter((r) => {
      const { uscc: raw, regionCode } = place(r);
      const uscc = raw?.trim().toUpperCase() ?? '';
      const before = registered.get(uscc);
      const digits = /^\d{6}$/.test(uscc.slice(2, 8)) ? uscc.slice(2, 8) : null;
      const region = regionCode ?? before ?? digits;
      if (region === null) return false;
      return !isWithinRegion(region, scope) || (before != null && !isWithinRegion(before, scope));
    }),
  );
}

export async function importSheet(db: Db, sheet: SheetImport, opts: ImportOptions): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { sheet, changed: 0, unchanged: 0, factsWritten: 0 };
  const { scope } = opts;
  /** The column an official would look at: the row's region if it gives one, else its code. */
  const columnFor = (regionCode: unknown) =>
    (regionCode ? sheet.headerOf.regionCode : undefined) ?? sheet.headerOf.uscc ?? '统一社会信用代码';
  if (scope) {
    for (let i = 0; i < sheet.bad.length; i += CHUNK)
      for (const r of await outOfScope(db, sheet.bad.slice(i, i + CHUNK), (b) => b, scope))
        r.errors.unshift({ column: columnFor(r.regionCode), reason: says.outsideRegion(scope) });
  }
  const good = sheet.good;
  sheet.good = [];
  for (let i = 0; i < good.length; i += CHUNK) {
    let chunk = good.slice(i, i + CHUNK);
    if (scope) {
      const away = await outOfScope(db, chunk, placeGood, scope);
      for (const r of away) {
        const { uscc, regionCode } = placeGood(r);
        sheet.bad.push({
          row: r.row,
          uscc,
          regionCode,
          errors: [{ column: columnFor(regionCode), reason: says.outsideRegion(scope) }],
          cells: r.cells,
        });
      }
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
    await letRequestsIn();
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
  return importSheet(db, await parseSheet(data, fileName, opts.year), opts);
}

/** The sheet read and its rows checked in a worker thread (parse-task.ts). */
export async function parseSheet(data: Uint8Array, fileName: string, year?: number): Promise<SheetImport> {
  try {
    return await offThread<Parameters<typeof parseTask>[0], SheetImport>(
      new URL('./parse-task.ts', import.meta.url),
      { data, fileName, year },
      { heapMb: SHEET_HEAP_MB, tooLarge: () => sheetExhausted(fileName) },
    );
  } catch (e) {
    throw (e as Error).name === 'ImportError' ? new ImportError((e as Error).message) : e;
  }
}
