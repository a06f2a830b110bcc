/**
 * The review queue's filters as the URL spells them, so a link from the batches page or a reload
 * shows the same list: `view=all` (the whole region; otherwise the applications waiting for the
 * caller's level), `batch`, `status` (whole region only: the queue is in review by definition),
 * `overdue=1`, `q`, `page`, `pageSize`.
 */
import type { ApplicationQuery, ApplicationStatus } from '../../../components/recognition/index.ts';

export interface QueueFilter {
  all: boolean;
  batch?: number;
  status?: ApplicationStatus;
  overdue: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

export const STATUSES: readonly ApplicationStatus[] = [
  'in_review',
  'returned',
  'approved',
  'in_notice',
  'certified',
  'rejected',
  'withdrawn',
  'draft',
];

const positive = (s: string | null) => (s && /^\d+$/.test(s) && Number(s) > 0 ? Number(s) : undefined);

export function queueFromParams(p: URLSearchParams): QueueFilter {
  const all = p.get('view') === 'all';
  const status = p.get('status') as ApplicationStatus | null;
  return {
    all,
    batch: positive(p.get('batch')),
    status: all && status && STATUSES.includes(status) ? status : undefined,
    overdue: p.get('overdue') === '1',
    q: p.get('q') || undefined,
    page: positive(p.get('page')) ?? 1,
    pageSize: Math.min(positive(p.get('pageSize')) ?? 20, 200),
  };
}

export function queueToParams(f: QueueFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (f.all) p.set('view', 'all');
  if (f.batch) p.set('batch', String(f.batch));
  if (f.all && f.status) p.set('status', f.status);
  if (f.overdue) p.set('overdue', '1');
  if (f.q) p.set('q', f.q);
  if (f.page > 1) p.set('page', String(f.page));
  if (f.pageSize !== 20) p.set('pageSize', String(f.pageSize));
  return p;
}

/** The API query for the filter. */
export const queueQuery = (f: QueueFilter): ApplicationQuery => ({
  queue: !f.all,
  ...(f.batch ? { batch: f.batch } : {}),
  ...(f.status ? { status: f.status } : {}),
  ...(f.overdue ? { overdue: true } : {}),
  ...(f.q ? { q: f.q } : {}),
  page: f.page,
  pageSize: f.pageSize,
});
