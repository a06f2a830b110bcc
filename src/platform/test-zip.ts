/**
 * Zip archives built at test time, for spreadsheets that no program would write: an entry whose
 * deflated data unpacks to hundreds of MB from a few hundred KB, and a central directory that
 * declares another size than the data unpacks to. Nothing this large is ever committed.
 */
import { crc32, deflateRawSync, constants } from 'node:zlib';
import yauzl from 'yauzl';

export interface ZipEntry {
  name: string;
  /** Deflated data, its CRC-32 and its true unpacked size. */
  deflated: Buffer;
  crc: number;
  size: number;
  /** The unpacked size the headers declare, when it should lie. */
  declared?: number;
}

/** An entry from plain data. */
export const entry = (name: string, data: Buffer): ZipEntry => ({
  name,
  deflated: deflateRawSync(data),
  crc: crc32(data),
  size: data.length,
});

/** `head`, then `body` `times` over, then `tail`, deflated without ever holding the whole. */
export function repeated(name: string, head: string, body: string, times: number, tail: string): ZipEntry {
  const flush = (s: string) => deflateRawSync(Buffer.from(s), { finishFlush: constants.Z_SYNC_FLUSH, level: 9 });
  const b = Buffer.from(body);
  let crc = crc32(head);
  for (let i = 0; i < times; i++) crc = crc32(b, crc);
  crc = crc32(tail, crc);
  const middle = flush(body);
  const deflated = Buffer.concat([
    flush(head),
    ...Array<Buffer>(times).fill(middle),
    deflateRawSync(Buffer.from(tail)),
  ]);
  return { name, deflated, crc, size: head.length + b.length * times + tail.length };
}

export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const size = e.declared ?? e.size;
    const fields = (h: Buffer, at: number) => {
      h.writeUInt16LE(20, at); // version needed
      h.writeUInt16LE(0x0800, at + 2); // UTF-8 names
      h.writeUInt16LE(8, at + 4); // deflate
      h.writeUInt32LE(0, at + 6); // time, date
      h.writeUInt32LE(e.crc >>> 0, at + 10);
      h.writeUInt32LE(e.deflated.length, at + 14);
      h.writeUInt32LE(size, at + 18);
      h.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + e.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Every entry of an archive, unpacked (for small archives a test wrote or downloaded). */
export async function unzip(data: Buffer): Promise<Map<string, Buffer>> {
  const z = await yauzl.fromBufferPromise(data, { lazyEntries: true });
  const out = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    z.on('entry', (e: yauzl.Entry) => {
      void z.openReadStreamPromise(e).then(async (s) => {
        const parts: Buffer[] = [];
        for await (const p of s) parts.push(p as Buffer);
        out.set(e.fileName, Buffer.concat(parts));
        z.readEntry();
      }, reject);
    });
    z.on('end', resolve);
    z.on('error', reject);
    z.readEntry();
  });
  return out;
}
