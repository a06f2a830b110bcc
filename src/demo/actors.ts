/** Who acts in the demo's walks through the services: its accounts, and stand-ins for firms without one. */
import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/actor.ts';
import { toActor } from '../platform/auth.ts';
import type { Platform } from '../platform/context.ts';
import { users } from '../platform/schema.ts';

export async function actorOf(p: Platform, username: string): Promise<Actor> {
  const [u] = await p.db.select().from(users).where(eq(users.username, username));
  if (!u) throw new Error(`demo account ${username} is missing`);
  return toActor(u);
}

/** A firm without an account of its own acts through this stand-in (the demo has one firm user). */
export const firmActor = (uscc: string): Actor => ({
  userId: 0,
  username: `demo-${uscc}`,
  displayName: '示例企业',
  role: 'enterprise',
  regionCode: null,
  level: null,
  uscc,
  organization: null,
});
