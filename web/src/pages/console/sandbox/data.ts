/**
 * The sandbox's request and answer (`POST /api/v1/policies/{id}/sandbox`), and the server's
 * complaints about a field in the interface's language: the server words them in English only.
 */
import { useMutation } from '@tanstack/react-query';
import { api, ApiError } from '../../../api.ts';
import type { Unit, Verdict } from '../../../components/evaluation/index.ts';
import type { Lang, useI18n } from '../../../i18n/index.tsx';

type T = ReturnType<typeof useI18n>['t'];

export const VERDICTS: readonly Verdict[] = ['qualified', 'not_qualified', 'undetermined'];

export interface SandboxRequest {
  asOf?: string;
  region?: string;
  /** Only the parameters changed, by name, in the policy file's units (yuan, fractions). */
  parameters: Record<string, number>;
}

export interface SandboxSide {
  counts: Record<Verdict, number>;
  /** Yuan paid to the qualified firms. */
  amount: number;
}

export interface Mover {
  uscc: string;
  name: string | null;
  before: { verdict: Verdict; amount: number };
  after: { verdict: Verdict; amount: number };
}

export interface SandboxResult {
  policyId: string;
  edition: string;
  asOf: string;
  /** The region covered, a six-digit code. */
  region: string;
  firms: number;
  budget: number | null;
  parameters: { name: string; ref: string; unit: Unit | null; from: number; to: number }[];
  before: SandboxSide;
  after: SandboxSide;
  flows: { from: Verdict; to: Verdict; firms: number }[];
  /** Every firm that moves; `movers` lists the first ones only. */
  moved: number;
  movers: Mover[];
}

/** A change with its sign: +40.00, −3, ±0. */
export const signed = (n: number, format: (n: number) => string): string =>
  (n > 0 ? '+' : n < 0 ? '−' : '±') + format(Math.abs(n));

export function useSandbox() {
  return useMutation({
    mutationFn: ({ policyId, ...body }: SandboxRequest & { policyId: string }) =>
      api<SandboxResult>(`/api/v1/policies/${encodeURIComponent(policyId)}/sandbox`, { body }),
  });
}

const REASONS: [RegExp, Parameters<T>[0]][] = [
  [/has no parameter/, 'sandbox.error.noParameter'],
  [/not a single number/, 'sandbox.error.notNumberParameter'],
  [/must be a number|expected number/i, 'sandbox.error.number'],
  [/GB\/T 2260/, 'sandbox.error.region'],
  [/YYYY-MM-DD/, 'sandbox.error.date'],
];

/** A 400's complaints by field (`parameters.withinYears`, `region`, `asOf`), in the interface's language. */
export function fieldErrors(error: unknown, t: T, lang: Lang): Record<string, string> {
  if (!(error instanceof ApiError) || error.status !== 400) return {};
  return Object.fromEntries(
    error.details.map((d) => {
      if (lang === 'en') return [d.field, d.message];
      const known = REASONS.find(([re]) => re.test(d.message));
      return [d.field, known ? t(known[1]) : t('sandbox.error.other', { message: d.message })];
    }),
  );
}
