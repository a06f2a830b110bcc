/**
 * The console's data: statistics, the firm list and its filters (kept in the URL query, so a
 * drill-down link or a reload shows the same list), one firm, its fact history, imports, decisions.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api.ts';
import type { Label } from '../../../../src/rules/types.ts';

export interface Stats {
  region: string | null;
  total: number;
  byRegion: { code: string; name: string | null; count: number }[];
  byIndustry: { section: string; count: number }[];
  bySize: { sizeClass: string; count: number }[];
  byTag: { tag: string; count: number }[];
}

/** `GET /api/v1/stats/trends`: per fiscal year, figures (yuan, latest recorded values) and titles started. */
export interface Trends {
  region: string | null;
  years: { year: number; firmsReporting: number; revenue: number; rdExpense: number; titles: Record<string, number> }[];
}

export interface Listing {
  uscc: string;
  name: string | null;
  regionCode: string | null;
  regionName: string | null;
  industryCode: string | null;
  sizeClass: string | null;
  tags: string[];
  updatedAt: string;
}

export interface ListPage {
  items: Listing[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PolicyItem {
  id: string;
  kind: 'classification' | 'recognition' | 'assessment' | 'reward' | 'eligibility';
  title: Label;
  issuer: Label;
  editions: { edition: string; from: string; to: string | null; document: string }[];
}

/** One entry of the fact ledger: the profile component's type. */
export type { FactEntry } from '../profile/data.ts';

export interface ImportStatus {
  id: string;
  fileName: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  processed: number;
  imported: number;
  unchanged: number;
  rejected: number;
  errors: { row: number; column: string; reason: string }[];
  warnings: { row: number; column: string; reason: string }[];
  failure: string | null;
  rejectsUrl: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** The filters of the firm list, as the URL query and the API both spell them. */
export interface FirmFilter {
  region?: string;
  /** A section letter or a code prefix: C, C35, C3562. */
  industry?: string;
  size?: string;
  /** Firms with every one of these tags. */
  tag: string[];
  /** Firms with none of these tags. */
  notTag: string[];
  q?: string;
}

export interface ListQuery extends FirmFilter {
  page: number;
  pageSize: number;
}

const opt = (v: string | null): string | undefined => (v && v.trim() ? v.trim() : undefined);

export function filterFromParams(params: URLSearchParams): ListQuery {
  const n = (k: string, d: number) => {
    const v = Number(params.get(k));
    return Number.isInteger(v) && v > 0 ? v : d;
  };
  return {
    region: opt(params.get('region')),
    industry: opt(params.get('industry')),
    size: opt(params.get('size')),
    tag: params.getAll('tag').filter(Boolean),
    notTag: params.getAll('notTag').filter(Boolean),
    q: opt(params.get('q')),
    page: n('page', 1),
    pageSize: Math.min(n('pageSize', 20), 200),
  };
}

/** The query string of a filter (paging left out when it is the default). */
export function filterToParams(f: Partial<ListQuery>): URLSearchParams {
  const p = new URLSearchParams();
  if (f.region) p.set('region', f.region);
  if (f.industry) p.set('industry', f.industry);
  if (f.size) p.set('size', f.size);
  for (const t of f.tag ?? []) p.append('tag', t);
  for (const t of f.notTag ?? []) p.append('notTag', t);
  if (f.q) p.set('q', f.q);
  if (f.page && f.page > 1) p.set('page', String(f.page));
  if (f.pageSize && f.pageSize !== 20) p.set('pageSize', String(f.pageSize));
  return p;
}

/** A link to the list behind a chart's bar or slice. */
export function listLink(f: Partial<ListQuery>): string {
  const q = filterToParams(f).toString();
  return `/console/enterprises${q ? `?${q}` : ''}`;
}

export function usePolicies() {
  return useQuery({
    queryKey: ['policies'],
    queryFn: async () => (await api<{ items: PolicyItem[] }>('/api/v1/policies')).items,
    staleTime: 5 * 60_000,
  });
}

export function useStats(region: string | undefined) {
  return useQuery({
    queryKey: ['console', 'stats', region ?? ''],
    queryFn: () => api<Stats>(`/api/v1/stats${region ? `?region=${region}` : ''}`),
    staleTime: 60_000,
  });
}

export function useTrends(region: string | undefined) {
  return useQuery({
    queryKey: ['console', 'trends', region ?? ''],
    queryFn: () => api<Trends>(`/api/v1/stats/trends${region ? `?region=${region}` : ''}`),
    staleTime: 60_000,
  });
}

export function useFirmList(q: ListQuery, enabled = true) {
  const params = filterToParams(q);
  params.set('page', String(q.page));
  params.set('pageSize', String(q.pageSize));
  return useQuery({
    queryKey: ['console', 'enterprises', params.toString()],
    queryFn: () => api<ListPage>(`/api/v1/enterprises?${params}`),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    enabled,
  });
}

/** Only the number of firms a filter finds (one row is fetched). */
export function useFirmCount(f: FirmFilter, enabled = true) {
  const list = useFirmList({ ...f, page: 1, pageSize: 1 }, enabled);
  return { ...list, data: list.data?.total };
}

/** Whether a region code names a county (it then has no sub-regions). */
export const isCounty = (code: string): boolean => !code.endsWith('00');
