/**
 * The rejected rows as an .xlsx: the sheet's own header and cells, plus the row number and why.
 * Each reason names its column (messages.ts), so they are listed as they are. The header row is
 * the sheet's own, so the file, once corrected, can be imported again as it is.
 */
import ExcelJS from 'exceljs';
import type { SheetImport } from './rows.ts';

export async function rejectsWorkbook(result: SheetImport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('未导入的行');
  sheet.addRow(['原行号', ...result.header, '错误原因']).font = { bold: true };
  for (const bad of result.bad) {
    const reasons = bad.errors.map((e) => e.reason).join('；');
    sheet.addRow([bad.row, ...result.header.map((_, i) => bad.cells[i] ?? null), reasons]);
  }
  sheet.getColumn(result.header.length + 2).width = 60;
  return Buffer.from(await book.xlsx.writeBuffer());
}
