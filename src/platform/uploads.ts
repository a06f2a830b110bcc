/**
 * Uploaded files kept in the database until a job reads them, in parts of 256 KB written and read
 * one statement each (as hex text, which the embedded database takes far faster than a binary
 * parameter): a 48 MB file in one value held the embedded database's single connection, and so
 * every request, for tens of seconds; in parts, other queries run between them.
 */
import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from './database.ts';
import { uploadParts } from './schema.ts';

export const UPLOAD_PART_BYTES = 256 * 1024;
/** Parts read per query. */
const READ_PARTS = 8;

export async function storeUpload(db: Db, uploadId: string, data: Buffer): Promise<void> {
  for (let seq = 0; seq * UPLOAD_PART_BYTES < data.length; seq++) {
    const part = data.subarray(seq * UPLOAD_PART_BYTES, (seq + 1) * UPLOAD_PART_BYTES).toString('hex');
    await db.execute(
      sql`insert into upload_parts (upload_id, seq, data) values (${uploadId}, ${seq}, decode(${part}, 'hex'))`,
    );
  }
}

export async function readUpload(db: Db, uploadId: string): Promise<Buffer | undefined> {
  const parts: Buffer[] = [];
  for (;;) {
    const rows = await rowsOf<{ hex: string }>(
      db,
      sql`select encode(data, 'hex') as hex from upload_parts where upload_id = ${uploadId} and seq >= ${parts.length}
          order by seq limit ${READ_PARTS}`,
    );
    parts.push(...rows.map((r) => Buffer.from(r.hex, 'hex')));
    if (rows.length < READ_PARTS) break;
  }
  return parts.length ? Buffer.concat(parts) : undefined;
}

export async function dropUpload(db: Db, uploadId: string): Promise<void> {
  await db.delete(uploadParts).where(eq(uploadParts.uploadId, uploadId));
}
