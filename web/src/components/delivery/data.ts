/**
 * Policy delivery's data as the API answers it: reward policies and their terms, screenings (polled
 * while they run) and their three lists, claims, payout totals; and one mutation hook that sends a
 * move and refreshes everything a move can change.
 */
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api.ts';
import type { ClaimStatus } from '../../../../src/delivery/schema.ts';
import type { RewardDoc } from '../../../../src/rules/schema.ts';
import { usePolicies, type Label, type PolicyDocument } from '../evaluation/index.ts';
import type { Page } from '../recognition/index.ts';

export type { ClaimStatus };
export type RewardTerms = RewardDoc;

/** The order a claim moves through, for filters and totals. */
export const CLAIM_STATUSES: readonly ClaimStatus[] = [
  'offered',
  'invited',
  'confirmed',
  'paid',
  'payment_failed',
  'declined',
  'expired',
  'ineligible',
];

export const VERDICTS = ['qualified', 'not_qualified', 'undetermined'] as const;
export type ScreenedVerdict = (typeof VERDICTS)[number];

export interface Screening {
  id: number;
  policyId: string;
  edition: string;
  asOf: string;
  regionCode: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  processed: number;
  failure: string | null;
  createdAt: string;
  finishedAt: string | null;
  publishedAt: string | null;
  respondBy: string | null;
  counts: Partial<Record<ScreenedVerdict, number>>;
  amounts: Partial<Record<ScreenedVerdict, number>>;
}

/** One firm on a screening's list: its amount, the conditions it fails, the facts it lacks. */
export interface Screened {
  uscc: string;
  name: string | null;
  regionCode: string | null;
  amount: number | null;
  failed: { id: string; title: Label }[];
  missing: string[];
}

export interface Claim {
  id: number;
  policyId: string;
  uscc: string;
  firmName: string | null;
  status: ClaimStatus;
  amount: number | null;
  missing: string[] | null;
  respondBy: string;
  bankName: string | null;
  accountName: string | null;
  accountNo: string | null;
  confirmedAt: string | null;
  paidOn: string | null;
  paymentRef: string | null;
  note: string | null;
  version: number;
  policy: { title: Label; office: Label | null; phone: string | null } | null;
}

export interface DeliveryTotals {
  policyId: string;
  edition: string;
  budget: number | null;
  byStatus: { status: ClaimStatus; firms: number; amount: number }[];
  committed: number;
  paid: number;
}

/** What recording payments answers: good records saved, each bad one with where and why. */
export interface PaymentOutcome {
  recorded: number;
  rejected: number;
  errors: { at: string; claimId: number | null; message: string }[];
}

/** The delivery terms of a policy document (the latest edition that has them), or null. */
export function rewardOf(doc: PolicyDocument | undefined): RewardTerms | null {
  const editions = (doc?.editions ?? []) as { reward?: RewardTerms }[];
  return [...editions].reverse().find((e) => e.reward)?.reward ?? null;
}

/** A region code as the prefix it covers: 320000 → 32, 320200 → 3202, 320214 → 320214. */
const prefixOf = (code: string) => code.replace(/(00){1,2}$/, '');

/**
 * The reward policies, with their terms, whose region meets `region` (a reviewer's; null for all).
 * The policy list does not say which policies are rewards, so each document is read (cached).
 */
export function useRewardPolicies(region: string | null) {
  const ids = usePolicies().data?.map((p) => p.id) ?? [];
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ['policy', id],
      queryFn: () => api<PolicyDocument>(`/api/v1/policies/${encodeURIComponent(id)}`),
      staleTime: 5 * 60_000,
    })),
    combine: (results) => {
      if (ids.length === 0 || results.some((r) => r.isPending)) return undefined;
      const mine = region === null ? '' : prefixOf(region);
      return results.flatMap((r) => {
        const reward = rewardOf(r.data);
        if (!r.data || !reward) return [];
        const theirs = prefixOf(reward.region.code);
        return theirs.startsWith(mine) || mine.startsWith(theirs) ? [{ doc: r.data, reward }] : [];
      });
    },
  });
}

const query = (params: Record<string, string | number | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

const running = (s: Screening | undefined) => s?.status === 'queued' || s?.status === 'running';

export const useScreenings = (policy: string | undefined) =>
  useQuery({
    queryKey: ['screenings', policy],
    queryFn: () => api<{ items: Screening[] }>(`/api/v1/screenings${query({ policy })}`).then((r) => r.items),
    enabled: !!policy,
  });

/** One screening, asked again every second while it is queued or running. */
export const useScreening = (id: number) =>
  useQuery({
    queryKey: ['screening', id],
    queryFn: () => api<Screening>(`/api/v1/screenings/${id}`),
    refetchInterval: (q) => (q.state.error ? false : running(q.state.data) ? 1000 : false),
  });

export const useScreened = (id: number, verdict: ScreenedVerdict, page: number, pageSize: number) =>
  useQuery({
    queryKey: ['screened', id, verdict, page, pageSize],
    queryFn: () => api<Page<Screened>>(`/api/v1/screenings/${id}/results${query({ verdict, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });

export interface ClaimQuery {
  policy?: string;
  status?: ClaimStatus;
  page?: number;
  pageSize?: number;
}

export const useClaims = (params: ClaimQuery) =>
  useQuery({
    queryKey: ['claims', params],
    queryFn: () => api<Page<Claim>>(`/api/v1/claims${query({ ...params })}`),
    placeholderData: keepPreviousData,
  });

export const useClaim = (id: number) =>
  useQuery({ queryKey: ['claim', id], queryFn: () => api<Claim>(`/api/v1/claims/${id}`) });

export const useDeliveryTotals = (policy: string) =>
  useQuery({
    queryKey: ['delivery-totals', policy],
    queryFn: () => api<DeliveryTotals>(`/api/v1/policies/${encodeURIComponent(policy)}/delivery`),
  });

/** Refreshes what a delivery move can change: screenings, lists, claims, totals and the inbox. */
export function useRefreshDelivery() {
  const client = useQueryClient();
  return useCallback(() => {
    for (const key of ['screenings', 'screening', 'screened', 'claims', 'claim', 'delivery-totals', 'inbox'])
      void client.invalidateQueries({ queryKey: [key] });
  }, [client]);
}

/** Sends a move (`POST path`, JSON or a form) and refreshes what it changed. */
export function useDeliveryAction<TBody, TResult = unknown>(path: string) {
  const refresh = useRefreshDelivery();
  return useMutation({
    mutationFn: (body: TBody) =>
      body instanceof FormData ? api<TResult>(path, { form: body }) : api<TResult>(path, { body }),
    onSuccess: refresh,
  });
}
