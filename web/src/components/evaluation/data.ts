/** Data the evaluation views share: the fact catalog, the policies, and evaluating a profile. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api.ts';
import type {
  EvaluationData,
  FactCatalog,
  Label,
  PolicyCriterionDoc,
  PolicyDocument,
  PolicyListItem,
  Profile,
} from './types.ts';

export function useFactCatalog() {
  return useQuery({
    queryKey: ['facts'],
    queryFn: () => api<FactCatalog>('/api/v1/facts'),
    staleTime: Infinity,
  });
}

export function usePolicies() {
  return useQuery({
    queryKey: ['policies'],
    queryFn: async () => (await api<{ items: PolicyListItem[] }>('/api/v1/policies')).items,
    staleTime: 5 * 60_000,
  });
}

export function usePolicy(id: string | undefined) {
  return useQuery({
    queryKey: ['policy', id],
    queryFn: () => api<PolicyDocument>(`/api/v1/policies/${encodeURIComponent(id!)}`),
    staleTime: 5 * 60_000,
    enabled: !!id,
  });
}

export interface EvaluateOptions {
  asOf?: string | null;
  /** Search the gaps (slower); off while a what-if value moves. */
  gaps?: boolean;
}

/** `POST /api/v1/policies/{id}/evaluate`: the public calculator, nothing stored. */
export function evaluateProfile(
  policyId: string,
  profile: Profile,
  opts: EvaluateOptions = {},
): Promise<EvaluationData> {
  const q = new URLSearchParams({ gaps: opts.gaps === false ? 'false' : 'true' });
  if (opts.asOf) q.set('asOf', opts.asOf);
  return api<EvaluationData>(`/api/v1/policies/${encodeURIComponent(policyId)}/evaluate?${q}`, { body: profile });
}

export const evaluationKey = (policyId: string, profile: Profile, opts: EvaluateOptions = {}) => [
  'evaluate',
  policyId,
  opts.asOf ?? '',
  opts.gaps !== false,
  JSON.stringify(profile),
];

/** One policy's evaluation of a profile; keeps showing the previous answer while the next one loads. */
export function useEvaluation(policyId: string, profile: Profile, opts: EvaluateOptions & { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: evaluationKey(policyId, profile, opts),
    queryFn: () => evaluateProfile(policyId, profile, opts),
    staleTime: Infinity,
    placeholderData: keepPreviousData,
    enabled: opts.enabled !== false,
  });
}

/** A readable name for a fact path such as `years.2025.techStaff`, `ip[0].mainProduct`, `compliance.taxEvasion` or a whole list (`honors`). */
export function labelOfPath(catalog: FactCatalog | undefined, path: string): Label {
  const fallback = { zh: path, en: path };
  if (!catalog) return fallback;
  const yearly = /^years\.(\d{4})\.(\w+)$/.exec(path);
  if (yearly) {
    const f = catalog.yearly[yearly[2]!];
    return f ? { zh: `${f.label.zh}（${yearly[1]}年）`, en: `${f.label.en} (${yearly[1]})` } : fallback;
  }
  const item = /^(\w+)\[(\d+)\]\.(\w+)$/.exec(path);
  if (item) {
    const list = catalog.lists[item[1]!];
    const f = list?.item[item[3]!];
    const n = Number(item[2]) + 1;
    return list && f
      ? { zh: `${list.label.zh}第${n}项：${f.label.zh}`, en: `${list.label.en} #${n}: ${f.label.en}` }
      : fallback;
  }
  const whole = /^(\w+)\[(\d+)\]$/.exec(path);
  if (whole) {
    const list = catalog.lists[whole[1]!];
    const n = Number(whole[2]) + 1;
    return list ? { zh: `${list.label.zh}第${n}项`, en: `${list.label.en} #${n}` } : fallback;
  }
  const flag = /^compliance\.(\w+)$/.exec(path);
  if (flag) return catalog.compliance[flag[1]!]?.label ?? fallback;
  return catalog.scalars[path]?.label ?? catalog.lists[path]?.label ?? fallback;
}

/** The catalog entry of a fact path (its type, unit and limits), if it has one. */
export function factOfPath(catalog: FactCatalog | undefined, path: string) {
  if (!catalog) return undefined;
  const yearly = /^years\.\d{4}\.(\w+)$/.exec(path);
  if (yearly) return catalog.yearly[yearly[1]!];
  const item = /^(\w+)\[\d+\]\.(\w+)$/.exec(path);
  if (item) return catalog.lists[item[1]!]?.item[item[2]!];
  const flag = /^compliance\.(\w+)$/.exec(path);
  if (flag) return catalog.compliance[flag[1]!];
  return catalog.scalars[path];
}

const segments = (path: string): (string | number)[] =>
  path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .map((s) => (/^\d+$/.test(s) && !/^\d{4}$/.test(s) ? Number(s) : s));

/** The value at a fact path, or undefined. Year keys (`years.2025`) stay strings. */
export function getPath(profile: Profile, path: string): unknown {
  let cur: unknown = profile;
  for (const s of segments(path)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[s];
  }
  return cur;
}

/** A copy of the profile with the value at `path` set (undefined removes it). */
export function setPath(profile: Profile, path: string, value: unknown): Profile {
  const out = structuredClone(profile);
  const segs = segments(path);
  let cur = out as Record<string | number, unknown>;
  segs.forEach((s, i) => {
    if (i === segs.length - 1) {
      if (value === undefined) delete cur[s];
      else cur[s] = value;
      return;
    }
    const next = cur[s];
    if (next === null || typeof next !== 'object') cur[s] = typeof segs[i + 1] === 'number' ? [] : {};
    cur = cur[s] as Record<string | number, unknown>;
  });
  return out;
}

/** The list names and compliance flags a policy's expressions read (every edition). */
export function factsReadBy(doc: PolicyDocument | undefined, catalog: FactCatalog | undefined) {
  const lists = new Set<string>();
  const flags = new Set<string>();
  if (!doc || !catalog) return { lists, flags };
  const texts: string[] = [];
  const criteria = (cs: PolicyCriterionDoc[] | undefined): void =>
    cs?.forEach((c) => {
      texts.push(c.test ?? '', c.actual ?? '');
      criteria(c.all);
      criteria(c.any);
    });
  for (const e of doc.editions) {
    criteria(e.criteria);
    for (const i of e.score?.items ?? []) texts.push(i.expr);
    if (e.outcome) texts.push(e.outcome.expr);
    for (const d of Object.values(e.definitions ?? {})) texts.push(typeof d === 'string' ? d : d.expr);
  }
  const all = texts.join('\n');
  for (const name of Object.keys(catalog.lists)) if (new RegExp(`\\b${name}\\b`).test(all)) lists.add(name);
  for (const m of all.matchAll(/compliance\.(\w+)/g)) if (catalog.compliance[m[1]!]) flags.add(m[1]!);
  return { lists, flags };
}
