/**
 * The recognition workflow's data: batches, applications (with both evaluations, evidence, history,
 * objections and the title), notices, the register and the inbox, as the API answers them; and one
 * mutation hook that sends a move and refreshes what it changed.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api.ts';
import type { Label } from '../../../../src/rules/types.ts';
import type { EvaluationData } from '../evaluation/index.ts';

export type ApplicationStatus =
  'draft' | 'in_review' | 'returned' | 'approved' | 'in_notice' | 'certified' | 'rejected' | 'withdrawn';
export type Level = 'district' | 'city' | 'province' | 'national';

export interface Batch {
  id: number;
  policyId: string;
  policyTitle: Label;
  title: string;
  regionCode: string;
  regionName: string | null;
  levels: Level[];
  opensOn: string;
  closesOn: string;
  asOf: string;
  edition: string;
  honor: string;
  validity: string;
  reviewDays: number;
  correctionDays: number;
  noticeDays: number;
  status: 'scheduled' | 'open' | 'closed';
}

export interface ApplicationSummary {
  id: number;
  batchId: number;
  batchTitle: string;
  policyId: string;
  uscc: string;
  firmName: string | null;
  regionCode: string;
  kind: 'new' | 'renewal';
  status: ApplicationStatus;
  step: number;
  level: Level | null;
  dueOn: string | null;
  overdue: boolean;
  version: number;
  submittedAt: string | null;
  updatedAt: string;
}

export interface EvidenceItem {
  id: number;
  claim: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
}

export interface ApplicationEvent {
  id: number;
  action: string;
  fromStatus: ApplicationStatus | null;
  toStatus: ApplicationStatus | null;
  step: number | null;
  level: Level | null;
  actorName: string;
  note: string | null;
  detail: Record<string, unknown> | null;
  at: string;
}

export interface Objection {
  id: number;
  text: string;
  contactName: string;
  contact: string;
  status: 'open' | 'upheld' | 'dismissed';
  resolution: string | null;
  createdAt: string;
}

export interface Title {
  id: number;
  uscc: string;
  name: string | null;
  regionCode: string;
  regionName: string | null;
  policyId: string;
  honor: string;
  edition: string;
  certificateNo: string;
  validFrom: string;
  validTo: string;
  state: 'valid' | 'expired' | 'revoked' | 'pending';
  revokedOn: string | null;
  revokedReason: string | null;
  barredUntil: string | null;
  /** The deciding authority's name. */
  authority: string | null;
  issuedAt: string;
}

export interface ApplicationDetail extends Omit<ApplicationSummary, 'batchTitle' | 'policyId' | 'overdue'> {
  currentName: string | null;
  regionName: string | null;
  batch: Omit<Batch, 'policyTitle' | 'edition' | 'honor' | 'validity' | 'regionName'>;
  overdue: boolean;
  /** May the caller approve, return or reject it now. */
  actionable: boolean;
  note: string | null;
  pledge: { text: string; signer: string; signedAt: string } | null;
  decisionId: number | null;
  submittedDecisionId: number | null;
  /** A draft's or a returned application's: the current profile, evaluated at each read and not kept. */
  evaluation: EvaluationData | null;
  evaluationIsPreview: boolean;
  submittedEvaluation: EvaluationData | null;
  evidence: EvidenceItem[];
  events: ApplicationEvent[];
  objections: Objection[];
  title: Title | null;
}

export interface Notice {
  id: number;
  title: string;
  batchId: number;
  policyId: string;
  regionCode: string;
  regionName: string | null;
  startsOn: string;
  endsOn: string;
  state: 'open' | 'ended' | 'decided';
  publishedAt: string;
  decidedAt: string | null;
  firms: {
    id: number;
    uscc: string;
    name: string | null;
    regionCode: string;
    regionName: string | null;
    status: ApplicationStatus;
  }[];
}

export interface InboxItem {
  category: 'todo' | 'correction' | 'expiring';
  kind: string;
  title: Label;
  due: string | null;
  overdue: boolean;
  /** `claim`: a firm's payout to confirm or facts to supply (政策兑现). */
  link:
    { type: 'application' | 'batch' | 'notice' | 'title' | 'claim'; id: number } | { type: 'enterprise'; id: string };
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

const query = (params: Record<string, string | number | boolean | undefined | null>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

export const useBatches = (params: { open?: boolean; region?: string; policy?: string } = {}) =>
  useQuery({
    queryKey: ['batches', params],
    queryFn: () => api<{ items: Batch[] }>(`/api/v1/batches${query(params)}`).then((r) => r.items),
  });

export const useBatch = (id: number) =>
  useQuery({ queryKey: ['batch', id], queryFn: () => api<Batch>(`/api/v1/batches/${id}`) });

export interface ApplicationQuery {
  batch?: number;
  status?: ApplicationStatus;
  queue?: boolean;
  overdue?: boolean;
  q?: string;
  page?: number;
  pageSize?: number;
}

export const useApplications = (params: ApplicationQuery = {}) =>
  useQuery({
    queryKey: ['applications', params],
    queryFn: () => api<Page<ApplicationSummary>>(`/api/v1/applications${query({ ...params })}`),
    placeholderData: keepPreviousData,
  });

export const useApplication = (id: number) =>
  useQuery({ queryKey: ['application', id], queryFn: () => api<ApplicationDetail>(`/api/v1/applications/${id}`) });

export const useNotices = () =>
  useQuery({
    queryKey: ['notices'],
    queryFn: () => api<{ items: Omit<Notice, 'firms'>[] }>('/api/v1/notices').then((r) => r.items),
  });

export const useNotice = (id: number) =>
  useQuery({ queryKey: ['notice', id], queryFn: () => api<Notice>(`/api/v1/notices/${id}`) });

export const useRegister = (params: { q?: string; honor?: string; page?: number; pageSize?: number }) =>
  useQuery({
    queryKey: ['register', params],
    queryFn: () => api<Page<Title>>(`/api/v1/titles${query(params)}`),
    placeholderData: keepPreviousData,
  });

export const useTitle = (id: number) =>
  useQuery({ queryKey: ['title', id], queryFn: () => api<Title>(`/api/v1/titles/${id}`) });

export const useInbox = (enabled = true) =>
  useQuery({
    queryKey: ['inbox'],
    queryFn: () => api<{ items: InboxItem[] }>('/api/v1/inbox').then((r) => r.items),
    enabled,
  });

/**
 * Sends a move (`POST path` with the body) and refreshes the application, the lists and the inbox.
 * Errors come back as ApiError: 409 `stale_version` means someone else acted first.
 */
export function useWorkflowAction<TBody, TResult = unknown>(path: string, method: 'POST' | 'DELETE' = 'POST') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) =>
      body instanceof FormData
        ? api<TResult>(path, { form: body })
        : api<TResult>(path, { method, body: method === 'DELETE' ? undefined : body }),
    onSuccess: () => {
      for (const key of [
        'application',
        'applications',
        'inbox',
        'notice',
        'notices',
        'batches',
        'register',
        'title',
        'enterprise',
      ])
        void client.invalidateQueries({ queryKey: [key] });
    },
  });
}
