import { customType } from 'drizzle-orm/pg-core';

/**
 * jsonb read back as the driver gives it. Both drivers already parse jsonb; Drizzle's own jsonb
 * parses strings a second time, turning a stored "320211" into the number 320211.
 */
export const jsonValue = customType<{ data: unknown; driverData: unknown }>({
  dataType: () => 'jsonb',
  toDriver: (v) => JSON.stringify(v),
  fromDriver: (v) => v,
});

/** Binary data (an uploaded file); PGlite gives a Uint8Array, node-postgres a Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (v) => v,
  fromDriver: (v) => Buffer.from(v),
});
