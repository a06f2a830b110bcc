/**
 * Reads an uploaded spreadsheet into a grid of plain cells, whatever wrote it: .xlsx (rich text
 * joined, formula results, dates as YYYY-MM-DD) or .csv in UTF-8, UTF-16 (with its BOM) or GBK, as
 * Chinese-locale Excel exports. The file is told by its own bytes, not its name, and read within a
 * budget: the zip's declared sizes are checked before anything is inflated (zip.ts), the sheet is
 * read as a stream, and reading stops at the row and cell budget. Every upload of a sheet (imports,
 * the payment list) reads it here, off the API's thread (readSheet in sheet-task.ts).
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Readable } from 'node:stream';
import { AppError, type ErrorStatus } from './errors.ts';
import { checkZip, ZipRefused, type CheckedZip, type ZipBudget } from './zip.ts';

export type Cell = string | number | null;
export interface GridRow {
  /** The row's number as the spreadsheet program shows it (1-based). */
  number: number;
  cells: Cell[];
}

export interface SheetBudget extends ZipBudget {
  rows: number;
  cells: number;
}

const MB = 1024 * 1024;
/** Far above any list a bureau hands over (a city's firms), far below what would exhaust memory. */
export const SHEET_BUDGET: SheetBudget = {
  entryBytes: 200 * MB,
  totalBytes: 256 * MB,
  ratio: 100,
  rows: 100_000,
  cells: 3_000_000,
};

/** The file cannot be read as a spreadsheet; the message names the file, for whoever uploaded it. */
export class SheetError extends AppError {
  constructor(status: ErrorStatus, code: string, zh: string, en: string) {
    super(status, code, { zh, en });
    this.name = 'SheetError';
    this.message = `${zh} (${en})`; // as an import's failure and on the command line
  }
}

const says = {
  unreadableXlsx: (name: string, why: string) =>
    new SheetError(
      422,
      'unreadable_file',
      `无法读取「${name}」：文件可能已损坏，或并不是 Excel 工作簿；请用 Excel 或 WPS 打开后另存为 .xlsx 再上传`,
      `${name} is not a readable .xlsx file: ${why}`,
    ),
  noWorksheet: (name: string) =>
    new SheetError(422, 'no_worksheet', `工作簿「${name}」中没有工作表`, `${name}: the workbook has no worksheet`),
  unreadableCsv: (name: string, why: string) =>
    new SheetError(
      422,
      'unreadable_file',
      `无法按 CSV 格式读取「${name}」：可能引号不成对，或并不是 CSV 文本；请用 Excel 或 WPS 打开后另存为 .csv 或 .xlsx 再上传`,
      `${name} is not a readable .csv file: ${why}`,
    ),
  unsupported: (name: string) =>
    new SheetError(
      415,
      'unsupported_file',
      `只能读取 .xlsx 或 .csv 文件：「${name}」`,
      `${name}: only .xlsx and .csv files can be read`,
    ),
  misnamed: (name: string, is: string, isEn: string) =>
    new SheetError(
      422,
      'misnamed_file',
      `文件「${name}」的内容是${is}，与文件扩展名不符；请上传 .xlsx 工作簿或 .csv 文本`,
      `${name} holds ${isEn}, not what its extension says`,
    ),
  unpacksTooLarge: (name: string, detail: string) =>
    new SheetError(
      413,
      'sheet_too_large',
      `文件「${name}」解压后过大（超过 ${SHEET_BUDGET.totalBytes / MB} MB 或压缩比异常），疑似压缩炸弹，已拒绝读取；请删除多余的空行、空列和格式后重新上传`,
      `${name} unpacks to more than the platform reads: ${detail}`,
    ),
  tooManyRows: (name: string, budget: SheetBudget) =>
    new SheetError(
      413,
      'too_many_rows',
      `文件「${name}」超过 ${budget.rows.toLocaleString('en')} 行或 ${budget.cells.toLocaleString('en')} 个单元格的上限，请拆分为多个文件后分别上传`,
      `${name} has more than ${budget.rows} rows or ${budget.cells} cells`,
    ),
};

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

/** Counts rows and cells as they are read, and stops the read when either passes its budget. */
function counter(name: string, budget: SheetBudget) {
  let rows = 0;
  let cells = 0;
  return (row: Cell[]) => {
    rows++;
    cells += row.length;
    if (rows > budget.rows || cells > budget.cells) throw says.tooManyRows(name, budget);
  };
}

/**
 * The parts of exceljs's streaming reader used here. It unpacks the zip with its own unzipper,
 * which trusts the local headers; handing it entries inflated by yauzl keeps the size checks.
 */
interface StreamingReader {
  model?: { sheets?: { id: number; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(entry: Readable, sheetNo: string): Generator<{ value: AsyncIterable<ExcelJS.Row> }>;
}

/** The first worksheet's entry: the workbook's first sheet through its relationship, else sheet1. */
function firstSheet(reader: StreamingReader, zip: CheckedZip): string | undefined {
  const first = reader.model?.sheets?.[0];
  const target = reader.workbookRels?.find((r) => r.Id === first?.rId)?.Target;
  const path = target?.startsWith('/') ? target.slice(1) : target && `xl/${target}`;
  if (path && zip.names.has(path)) return path;
  return [...zip.names].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort()[0];
}

async function readXlsx(data: Buffer, name: string, budget: SheetBudget): Promise<GridRow[]> {
  let zip: CheckedZip | undefined;
  try {
    zip = await checkZip(data, budget);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(undefined as never, {
      sharedStrings: 'cache',
      styles: 'cache', // number formats tell which numbers are dates
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    }) as unknown as StreamingReader;
    const checked = zip;
    const part = (n: string) => (checked.names.has(n) ? checked.open(n) : undefined);
    const rels = await part('xl/_rels/workbook.xml.rels');
    if (rels) await reader._parseRels(rels);
    const book = await part('xl/workbook.xml');
    if (book) await reader._parseWorkbook(book);
    const strings = await part('xl/sharedStrings.xml');
    // Cached on the reader as they are parsed; the generator yields only in 'emit' mode.
    if (strings) await reader._parseSharedStrings(strings).next();
    const styles = await part('xl/styles.xml');
    if (styles) await reader._parseStyles(styles);
    const sheetPath = firstSheet(reader, zip);
    if (!sheetPath) throw says.noWorksheet(name);
    const sheetNo = /sheet(\d+)\.xml$/.exec(sheetPath)?.[1] ?? '1';
    const [sheet] = [...reader._parseWorksheet(await zip.open(sheetPath), sheetNo)];
    const count = counter(name, budget);
    const rows: GridRow[] = [];
    for await (const row of sheet!.value) {
      const cells = (row.values as unknown[]).slice(1).map(plain);
      count(cells);
      if (cells.some((c) => c !== null)) rows.push({ number: row.number, cells });
    }
    return rows;
  } catch (e) {
    if (e instanceof SheetError) throw e;
    if (e instanceof ZipRefused && e.why !== 'unreadable') throw says.unpacksTooLarge(name, e.message);
    // yauzl stops an entry that inflates past its declared size: the archive lies about itself.
    if (/too many bytes|uncompressedSize/i.test((e as Error).message))
      throw says.unpacksTooLarge(name, (e as Error).message);
    throw says.unreadableXlsx(name, (e as Error).message);
  } finally {
    zip?.close();
  }
}

/** UTF-16 by its BOM; otherwise UTF-8 when the bytes are valid UTF-8 (with or without BOM), else GBK. */
export function decodeText(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data);
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    return iconv.decode(data, 'gbk');
  }
}

function readCsv(data: Buffer, name: string, budget: SheetBudget): GridRow[] {
  const text = decodeText(data);
  // NUL never appears in a text export; UTF-16 without its BOM, or binary, is not read as garbage.
  if (text.includes('\u0000')) throw says.unreadableCsv(name, 'NUL characters: not text, or UTF-16 without a BOM');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      relax_column_count: true,
      info: true,
      skip_empty_lines: true,
      to: budget.rows + 1, // one past the budget tells that it was passed, without reading the rest
    }) as unknown as typeof records;
  } catch (e) {
    // Unbalanced quotes, or not text at all: the uploader's file, not a fault of ours to retry.
    throw says.unreadableCsv(name, (e as Error).message);
  }
  const count = counter(name, budget);
  return records.map(({ record, info }) => {
    count(record);
    return { number: info.lines, cells: record.map((c) => (c === '' ? null : c)) };
  });
}

/** What the bytes are, whatever the name says. */
function kindOf(data: Buffer): 'zip' | 'pdf' | 'ole' | 'text' {
  if (data.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) return 'zip';
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (data.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) return 'ole'; // .xls, .doc
  return 'text';
}

const CONTENT = {
  zip: ['zip 压缩包（可能是 .xlsx 工作簿）', 'a zip archive (perhaps an .xlsx workbook)'],
  pdf: [' PDF 文档', 'a PDF document'],
  ole: '旧版 Office 文件（.xls 或 .doc），请另存为 .xlsx',
  text: ['文本（可能是 CSV）', 'text (perhaps CSV)'],
} as const;

export async function readGrid(data: Buffer, fileName: string, budget: SheetBudget = SHEET_BUDGET): Promise<GridRow[]> {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext !== 'xlsx' && ext !== 'csv') throw says.unsupported(fileName);
  const kind = kindOf(data);
  if (kind === 'ole') throw says.misnamed(fileName, CONTENT.ole, 'a legacy Office file (.xls or .doc)');
  if ((ext === 'xlsx') !== (kind === 'zip') || kind === 'pdf') {
    const [zh, en] = CONTENT[kind];
    throw says.misnamed(fileName, zh, en);
  }
  return ext === 'xlsx' ? readXlsx(data, fileName, budget) : readCsv(data, fileName, budget);
}

/**
 * The worker's heap: the budget's sheet read as a stream fits well within it; a file that would
 * need more (shared strings of a forged sheet, say) ends the worker, never the process.
 */
export const SHEET_HEAP_MB = 768;

/** The file is more than a worker's heap can read: said like any other sheet too large. */
export const sheetExhausted = (fileName: string) => says.unpacksTooLarge(fileName, 'the reader ran out of memory');
