/**
 * Policy delivery's data as the API answers it: reward policies and their terms, screenings (polled
 * while they run) and their three lists, claims, payout totals; and one mutation hook that sends a
 * move and refreshes everything a move can change.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api.ts';
import type { Label, PolicyDocument } from '../evaluation/index.ts';
import { usePolicyLibrary } from '../policies/library.ts';
import { regionsMeet, rewardOf, type RewardTerms } from '../policies/reward.ts';
import type { Page } from '../recognition/index.ts';

export type { RewardTerms };

/** The order a claim moves through, for filters and totals (the API's claim statuses). */
export const CLAIM_STATUSES = [
  'offered',
  'invited',
  'confirmed',
  'paid',
  'payment_failed',
  'declined',
  'expired',
  'ineligible',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

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

/** One firm on a screening's list: its amount, the conditions it fails, the facts it lacks or has only declared. */
export interface Screened {
  uscc: string;
  name: string | null;
  regionCode: string | null;
  amount: number | null;
  failed: { id: string; title: Label }[];
  missing: string[];
  /** 待核实: facts only the firm's own word supports that would decide it. */
  unverified: string[];
}

export interface Claim {
  id: number;
  policyId: string;
  uscc: string;
  firmName: string | null;
  status: ClaimStatus;
  amount: number | null;
  missing: string[] | null;
  /** 待核实: the firm's own facts that would decide it, waiting for a reviewer. */
  unverified: string[] | null;
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
export function latestReward(doc: PolicyDocument | undefined): RewardTerms | null {
  for (const e of [...(doc?.editions ?? [])].reverse()) {
    const reward = rewardOf(e);
    if (reward) return reward;
  }
  return null;
}

/** The reward policies, with their delivery terms, whose region meets `region` (a reviewer's; null for all). */
export function useRewardPolicies(region: string | null) {
  const library = usePolicyLibrary().data;
  if (!library) return undefined;
  return library.flatMap((doc) => {
    const reward = latestReward(doc);
    return reward && (region === null || regionsMeet(region, reward.region.code)) ? [{ doc, reward }] : [];
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
  /** One firm's claims. */
  uscc?: string;
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
