/**
 * A spreadsheet's zip checked before anything is inflated: every entry's declared size and
 * compression ratio against a budget, read from the central directory alone; then each entry is
 * inflated by yauzl, which stops a stream that yields more bytes than its entry declared — so a
 * "zip bomb" is refused without ever holding what it unpacks to.
 */
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

export interface ZipBudget {
  /** The most one entry may unpack to. */
  entryBytes: number;
  /** The most all entries together may unpack to. */
  totalBytes: number;
  /** The largest unpacked / packed ratio of an entry larger than 1 MB (real sheets stay far below). */
  ratio: number;
}

/** What is wrong with an archive, for the reader to turn into a message naming the file. */
export class ZipRefused extends Error {
  constructor(
    readonly why: 'unreadable' | 'too_large' | 'ratio',
    detail: string,
  ) {
    super(detail);
  }
}

const MB = 1024 * 1024;

export interface CheckedZip {
  /** The entries by name. */
  names: ReadonlySet<string>;
  /** One entry inflated as a stream; it errors if the entry yields more than it declared. */
  open(name: string): Promise<Readable>;
  close(): void;
}

/** Reads the central directory and refuses an archive over the budget; nothing is inflated. */
export async function checkZip(data: Buffer, budget: ZipBudget): Promise<CheckedZip> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(data, { lazyEntries: true, validateEntrySizes: true });
  } catch (e) {
    throw new ZipRefused('unreadable', (e as Error).message);
  }
  const entries = new Map<string, yauzl.Entry>();
  let total = 0;
  try {
    for (;;) {
      const entry = await new Promise<yauzl.Entry | null>((resolve, reject) => {
        zip.once('entry', resolve);
        zip.once('end', () => resolve(null));
        zip.once('error', reject);
        zip.readEntry();
      }).finally(() => zip.removeAllListeners());
      if (!entry) break;
      const size = entry.uncompressedSize;
      total += size;
      if (size > budget.entryBytes || total > budget.totalBytes)
        throw new ZipRefused('too_large', `${entry.fileName} unpacks to ${Math.round(size / MB)} MB`);
      if (size > MB && size / Math.max(entry.compressedSize, 1) > budget.ratio)
        throw new ZipRefused('ratio', `${entry.fileName} is compressed ${Math.round(size / entry.compressedSize)}:1`);
      entries.set(entry.fileName, entry);
    }
  } catch (e) {
    zip.close();
    throw e instanceof ZipRefused ? e : new ZipRefused('unreadable', (e as Error).message);
  }
  return {
    names: new Set(entries.keys()),
    open: async (name) => {
      const entry = entries.get(name);
      if (!entry) throw new ZipRefused('unreadable', `no ${name} in the archive`);
      return zip.openReadStreamPromise(entry);
    },
    close: () => zip.close(),
  };
}
