/** The worker thread's side of readSheet: the grid of an uploaded sheet, read within the budget. */
import { readGrid, type GridRow } from './sheets.ts';

export default function (input: { data: Uint8Array; fileName: string }): Promise<GridRow[]> {
  return readGrid(Buffer.from(input.data.buffer, input.data.byteOffset, input.data.byteLength), input.fileName);
}
