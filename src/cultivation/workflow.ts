/**
 * The application's states and the moves between them. A move not allowed from the current state
 * is refused with 409 naming the state it is in, so a stale page or a second reviewer learns why.
 */
import { AppError, type Message } from '../platform/errors.ts';
import type { ApplicationStatus } from './schema.ts';

export const STATUS_LABELS: Record<ApplicationStatus, Message> = {
  draft: { zh: '草稿（未提交）', en: 'draft (not submitted)' },
  in_review: { zh: '审核中', en: 'in review' },
  returned: { zh: '已退回补正', en: 'returned for correction' },
  approved: { zh: '审核通过，待公示', en: 'approved, awaiting public notice' },
  in_notice: { zh: '公示中', en: 'in public notice' },
  certified: { zh: '已认定', en: 'recognised' },
  rejected: { zh: '未通过', en: 'rejected' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
};

/** Each move, the states it may start from, and its name in messages. */
export const MOVES = {
  submit: { from: ['draft'], label: { zh: '提交申报', en: 'submit' } },
  resubmit: { from: ['returned'], label: { zh: '补正后重新提交', en: 'resubmit' } },
  withdraw: { from: ['draft', 'returned'], label: { zh: '撤回', en: 'withdraw' } },
  evidence: { from: ['draft', 'returned'], label: { zh: '上传或删除佐证材料', en: 'change evidence' } },
  approve: { from: ['in_review'], label: { zh: '审核通过', en: 'approve' } },
  return: { from: ['in_review'], label: { zh: '退回补正', en: 'return for correction' } },
  reject: { from: ['in_review'], label: { zh: '不予通过', en: 'reject' } },
  override: { from: ['in_review'], label: { zh: '修正数据', en: 'correct facts' } },
  spotCheck: { from: ['in_review', 'approved', 'in_notice'], label: { zh: '记录实地核查', en: 'record a spot check' } },
  publish: { from: ['approved'], label: { zh: '公示', en: 'publish for notice' } },
  uphold: { from: ['in_notice'], label: { zh: '采纳异议', en: 'uphold an objection' } },
  certify: { from: ['in_notice'], label: { zh: '认定', en: 'recognise' } },
} as const satisfies Record<string, { from: readonly ApplicationStatus[]; label: Message }>;

export type Move = keyof typeof MOVES;

/** Refuses the move unless the application is in a state it may start from. */
export function assertMove(move: Move, status: ApplicationStatus): void {
  const m = MOVES[move];
  if ((m.from as readonly ApplicationStatus[]).includes(status)) return;
  const now = STATUS_LABELS[status];
  throw new AppError(409, 'invalid_transition', {
    zh: `该申报当前为“${now.zh}”，不能${m.label.zh}`,
    en: `The application is ${now.en}: it cannot ${m.label.en}`,
  });
}

/** The review levels from the lowest up, as a batch lists them. */
export const LEVEL_ORDER = ['district', 'city', 'province', 'national'] as const;
export const LEVEL_LABELS: Record<(typeof LEVEL_ORDER)[number], Message> = {
  district: { zh: '区县', en: 'district' },
  city: { zh: '地市', en: 'city' },
  province: { zh: '省级', en: 'province' },
  national: { zh: '国家', en: 'national' },
};

/** Another change came first: the caller's page is stale. */
export const staleVersion = (seen: number, now: number): AppError =>
  new AppError(409, 'stale_version', {
    zh: `该申报已被他人更新（您看到的是第 ${seen} 版，现为第 ${now} 版），请刷新后重试`,
    en: `The application changed meanwhile (you saw version ${seen}, it is now ${now}); reload and try again`,
  });
