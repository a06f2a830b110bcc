/** Reading an uploaded sheet off the API's thread: see sheets.ts for what is read and refused. */
import { offThread } from './off-thread.ts';
import { sheetExhausted, SHEET_HEAP_MB, type GridRow } from './sheets.ts';

export function readSheet(data: Uint8Array, fileName: string): Promise<GridRow[]> {
  return offThread(
    new URL('./sheet-task.ts', import.meta.url),
    { data, fileName },
    {
      heapMb: SHEET_HEAP_MB,
      tooLarge: () => sheetExhausted(fileName),
    },
  );
}
