/** The worker thread's side of parseSheet (service.ts): the sheet read and its rows checked, off the API's thread. */
import { readGrid } from '../../platform/sheets.ts';
import { importRows, type SheetImport } from './rows.ts';

export default async function (input: {
  data: Uint8Array;
  fileName: string;
  year?: number | undefined;
}): Promise<SheetImport> {
  const data = Buffer.from(input.data.buffer, input.data.byteOffset, input.data.byteLength);
  return importRows(await readGrid(data, input.fileName), { year: input.year });
}
