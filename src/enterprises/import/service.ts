/**
 * Importing a spreadsheet into the registry: every good row is recorded in the fact ledger as an
 * import, bad rows are returned for the file of rejected rows, and a row whose values are already
 * recorded writes nothing — so importing the same file again changes nothing.
 */
import type { Db } from '../../platform/database.ts';
import { recordFacts } from '../ledger.ts';
import { readGrid } from './grid.ts';
import { importRows, type SheetImport } from './rows.ts';

export interface ImportOutcome {
  sheet: SheetImport;
  /** Firms with at least one new or changed fact. */
  changed: number;
  /** Firms whose every value was already recorded. */
  unchanged: number;
  factsWritten: number;
}

export async function importSpreadsheet(
  db: Db,
  data: Buffer,
  fileName: string,
  opts: { year?: number | undefined; actor: string },
): Promise<ImportOutcome> {
  const sheet = importRows(await readGrid(data, fileName), { year: opts.year });
  let changed = 0;
  let factsWritten = 0;
  for (const { profile } of sheet.good) {
    const { uscc, ...facts } = profile;
    const n = await recordFacts(db, uscc!, facts, { source: 'import', actor: opts.actor });
    factsWritten += n;
    if (n > 0) changed++;
  }
  return { sheet, changed, unchanged: sheet.good.length - changed, factsWritten };
}
