/**
 * Reads a spreadsheet into a grid of plain cells, whatever wrote it: .xlsx (rich text joined,
 * formula results, dates as YYYY-MM-DD) or .csv in UTF-8 or GBK, as Chinese-locale Excel exports.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { file as says } from './messages.ts';

export type Cell = string | number | null;
export interface GridRow {
  /** The row's number as the spreadsheet program shows it (1-based). */
  number: number;
  cells: Cell[];
}

/** The file cannot be read as a spreadsheet; the message is for the person who uploaded it. */
export class SheetError extends Error {}

function plain(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return plain(o.result);
    if (typeof o.text === 'string') return o.text;
    if (o.error !== undefined) return String(o.error);
  }
  return String(v);
}

async function readXlsx(data: Buffer): Promise<GridRow[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new SheetError(says.unreadableXlsx((e as Error).message));
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new SheetError(says.noWorksheet());
  const rows: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as unknown[];
    rows.push({ number, cells: values.slice(1).map(plain) });
  });
  return rows;
}

/** UTF-8 when the bytes are valid UTF-8 (with or without BOM), otherwise GBK. */
export function decodeText(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    return iconv.decode(data, 'gbk');
  }
}

function readCsv(data: Buffer): GridRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(decodeText(data), {
      relax_column_count: true,
      info: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (e) {
    // Unbalanced quotes, or not text at all: the uploader's file, not a fault of ours to retry.
    throw new SheetError(says.unreadableCsv((e as Error).message));
  }
  return records.map(({ record, info }) => ({ number: info.lines, cells: record.map((c) => (c === '' ? null : c)) }));
}

export async function readGrid(data: Buffer, fileName: string): Promise<GridRow[]> {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'xlsx') return readXlsx(data);
  if (ext === 'csv') return readCsv(data);
  throw new SheetError(says.unsupported(fileName));
}
