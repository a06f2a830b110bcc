/**
 * A firm's registry record over HTTP: the profile with its listing columns, every fact's history in
 * the ledger, and writing facts (the firm's own as self-declared, a reviewer's as an override).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api.ts';
import type { FactCatalog, FactDef } from '../../../../src/facts/catalog.ts';

/** Where a value came from, as the ledger records it. */
export const SOURCES = [
  'self',
  'import',
  'tax',
  'social_insurance',
  'registry',
  'court',
  'reviewer',
  'recognition',
] as const;
export type FactSource = (typeof SOURCES)[number];

/** One entry of the fact ledger (`GET /api/v1/enterprises/{uscc}/facts`). */
export interface FactEntry {
  path: string;
  value: unknown;
  source: string;
  actor: string;
  reason: string | null;
  recordedAt: string;
}

/** `GET /api/v1/enterprises/{uscc}`: the profile contract plus the name, listing columns and tags. */
export interface Enterprise {
  uscc: string;
  name?: string | null;
  regionCode?: string | null;
  regionName: string | null;
  industryCode?: string | null;
  sizeClass: string | null;
  tags: string[];
  updatedAt: string;
  years?: Record<string, Record<string, number | null | undefined>>;
  compliance?: Record<string, boolean | null | undefined>;
  /** The source each fact path stands on: a more trusted source's value stands over the firm's own. */
  sources?: Record<string, FactSource>;
  [key: string]: unknown;
}

/** Whether the writer edits as the firm itself or as a reviewer correcting it (with a reason). */
export type ProfileMode = 'self' | 'override';

export const profileKeys = {
  all: (uscc: string) => ['profile', uscc] as const,
  firm: (uscc: string) => ['profile', uscc, 'firm'] as const,
  history: (uscc: string) => ['profile', uscc, 'history'] as const,
};

const firmPath = (uscc: string) => `/api/v1/enterprises/${encodeURIComponent(uscc)}`;

export function useEnterprise(uscc: string) {
  return useQuery({
    queryKey: profileKeys.firm(uscc),
    queryFn: () => api<Enterprise>(firmPath(uscc)),
  });
}

export function useFactHistory(uscc: string) {
  return useQuery({
    queryKey: profileKeys.history(uscc),
    queryFn: async () => (await api<{ items: FactEntry[] }>(`${firmPath(uscc)}/facts`)).items,
  });
}

/** Writes facts; on success the record and its history are read again. */
export function useWriteFacts(uscc: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { facts: Record<string, unknown>; reason?: string }) =>
      api<{ written: number; claims: { path: string; source: FactSource }[] }>(`${firmPath(uscc)}/facts`, {
        body: v,
      }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: profileKeys.all(uscc) }),
        qc.invalidateQueries({ queryKey: ['enterprise', uscc] }),
      ]),
  });
}

/** The profile contract alone (what the public calculator accepts): the listing columns left out. */
export function contractOf(firm: Enterprise, catalog: FactCatalog): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(firm)) {
    if (v === null || v === undefined) continue;
    if (k === 'uscc' || k === 'years' || k === 'compliance' || k in catalog.scalars || k in catalog.lists) out[k] = v;
  }
  return out;
}

/**
 * The ledger entry each path's value stands on — the latest from the source the record names (a
 * firm's later claim beside a tax figure does not replace it), else the latest — and every entry
 * of each path (oldest first).
 */
export function indexHistory(entries: FactEntry[] | undefined, sources: Record<string, FactSource> = {}) {
  const standing = new Map<string, FactEntry>();
  const byPath = new Map<string, FactEntry[]>();
  for (const e of entries ?? []) {
    const known = sources[e.path];
    if (!known || known === e.source || standing.get(e.path)?.source !== known) standing.set(e.path, e);
    const list = byPath.get(e.path);
    if (list) list.push(e);
    else byPath.set(e.path, [e]);
  }
  return { standing, byPath };
}

/** The fiscal years the record has figures or history for, ascending. */
export function yearsOf(firm: Enterprise | undefined, entries: FactEntry[] | undefined): string[] {
  const years = new Set(Object.keys(firm?.years ?? {}));
  for (const e of entries ?? []) {
    const m = /^years\.(\d{4})\./.exec(e.path);
    if (m) years.add(m[1]!);
  }
  return [...years].sort();
}

/** The catalog entry of a scalar, yearly or compliance path. */
export function defOf(catalog: FactCatalog, path: string): FactDef | undefined {
  const yearly = /^years\.\d{4}\.(\w+)$/.exec(path);
  if (yearly) return catalog.yearly[yearly[1]!];
  const flag = /^compliance\.(\w+)$/.exec(path);
  if (flag) return catalog.compliance[flag[1]!];
  return catalog.scalars[path];
}

/** The value a path has in the profile (undefined when unknown). */
export function valueAt(firm: Enterprise, path: string): unknown {
  const yearly = /^years\.(\d{4})\.(\w+)$/.exec(path);
  if (yearly) return firm.years?.[yearly[1]!]?.[yearly[2]!] ?? undefined;
  const flag = /^compliance\.(\w+)$/.exec(path);
  if (flag) return firm.compliance?.[flag[1]!] ?? undefined;
  return firm[path] ?? undefined;
}

/** The write body for one path: `{ years: { "2025": { rdExpense: 4000000 } } }`, `{ ip: [...] }`. */
export function bodyFor(path: string, value: unknown): Record<string, unknown> {
  const yearly = /^years\.(\d{4})\.(\w+)$/.exec(path);
  if (yearly) return { years: { [yearly[1]!]: { [yearly[2]!]: value } } };
  const flag = /^compliance\.(\w+)$/.exec(path);
  if (flag) return { compliance: { [flag[1]!]: value } };
  return { [path]: value };
}
