/**
 * Loads the demo into a platform: the generated firms go into the fact ledger with the sources
 * such data really has (names and codes from the business registry, money from tax, headcount from
 * social insurance, titles from the lists the bureaus publish and officers import, the rest
 * self-declared), then the demo accounts are created. Loading twice
 * writes nothing new.
 */
import { eq } from 'drizzle-orm';
import type { Profile } from '../facts/profile.ts';
import { recordBatch } from '../enterprises/ledger.ts';
import type { FactSource } from '../enterprises/schema.ts';
import { projector } from '../enterprises/tags.ts';
import { createUser, type NewUser } from '../platform/auth.ts';
import type { Platform } from '../platform/context.ts';
import { users } from '../platform/schema.ts';
import { demoAccounts } from './accounts.ts';
import { generateDemo } from './generate.ts';
import { loadDeliveryDemo } from './delivery.ts';
import { loadRecognitionDemo } from './recognition.ts';

export const DEMO_SEED = 20261126;
export const DEMO_COUNT = 2000;

const REGISTRY = new Set(['name', 'regionCode', 'industryCode', 'establishedOn']);
const TAX = new Set([
  'revenue',
  'mainRevenue',
  'totalAssets',
  'totalLiabilities',
  'totalCosts',
  'rdExpense',
  'netProfit',
]);
const SOCIAL = new Set(['employees']);
/** Published lists of titled firms, imported by the bureau. */
const IMPORTED = new Set(['honors']);

/** A profile split by where each fact would come from. */
function bySource(profile: Profile): Map<FactSource, Profile> {
  const out = new Map<FactSource, Profile>();
  const part = (s: FactSource) => out.get(s) ?? out.set(s, {}).get(s)!;
  for (const [key, value] of Object.entries(profile)) {
    if (key === 'uscc' || value === undefined) continue;
    if (key === 'years') {
      for (const [year, facts] of Object.entries(value as Record<string, Record<string, number>>))
        for (const [fact, v] of Object.entries(facts)) {
          const p = part(TAX.has(fact) ? 'tax' : SOCIAL.has(fact) ? 'social_insurance' : 'self');
          ((p.years ??= {})[year] ??= {})[fact] = v;
        }
    } else part(REGISTRY.has(key) ? 'registry' : IMPORTED.has(key) ? 'import' : 'self')[key] = value;
  }
  return out;
}

export async function loadDemo(
  p: Platform,
  opts: { seed?: number; count?: number; asOf?: string } = {},
): Promise<{ firms: number; accounts: NewUser[] }> {
  const asOf = opts.asOf ?? p.today();
  const firms = generateDemo({ seed: opts.seed ?? DEMO_SEED, count: opts.count ?? DEMO_COUNT, asOf });
  const project = projector(p.policies, asOf);
  const CHUNK = 250;
  for (let i = 0; i < firms.length; i += CHUNK) {
    const groups = new Map<FactSource, { uscc: string; profile: Profile }[]>();
    for (const { profile } of firms.slice(i, i + CHUNK))
      for (const [source, part] of bySource(profile))
        (groups.get(source) ?? groups.set(source, []).get(source)!).push({ uscc: profile.uscc!, profile: part });
    // Registry first: it names the firm and its region before anything else arrives.
    for (const source of ['registry', 'tax', 'social_insurance', 'import', 'self'] as const) {
      const writes = groups.get(source);
      if (writes) await recordBatch(p.db, writes, { source, actor: 'demo' }, project);
    }
  }
  const accounts = demoAccounts(
    firms.map(({ profile: f }) => ({ uscc: f.uscc!, name: f.name as string, regionCode: f.regionCode as string })),
  );
  for (const a of accounts) {
    const [taken] = await p.db.select({ id: users.id }).from(users).where(eq(users.username, a.username));
    if (!taken) await createUser(p.db, a);
  }
  await loadRecognitionDemo(p);
  const deliveryAccounts = await loadDeliveryDemo(p);
  for (const a of deliveryAccounts) await createUser(p.db, a);
  return { firms: firms.length, accounts: [...accounts, ...deliveryAccounts] };
}
