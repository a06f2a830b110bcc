/**
 * The claims a firm backs with files (佐证材料): each IP item and each certificate of its profile,
 * revenue and R&D expense of the last three fiscal years before the evaluation date, and `other`
 * (audit reports and the like). Each is the fact path the server files the evidence under.
 */
import type { Enterprise } from '../../components/profile/index.ts';

export type ClaimGroup = 'ip' | 'years' | 'honors' | 'other';

export interface Claim {
  claim: string;
  group: ClaimGroup;
  /** The list item (`ip[i]`, `honors[i]`) and its place in the list, for its description. */
  item?: Record<string, unknown>;
  index?: number;
  /** The yearly figure, for `years.<y>.<field>`. */
  value?: unknown;
}

/** The yearly figures the tiers' criteria read most and reviewers ask evidence for. */
export const YEARLY_CLAIMS = ['revenue', 'rdExpense'] as const;
const FISCAL_YEARS = 3;

const items = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object') : [];

export function claimsOf(firm: Enterprise, asOf: string): Claim[] {
  const last = Number(asOf.slice(0, 4)) - 1;
  const years = Array.from({ length: FISCAL_YEARS }, (_, i) => String(last - i)).filter((y) => firm.years?.[y]);
  return [
    ...items(firm.ip).map((item, index) => ({ claim: `ip[${index}]`, group: 'ip' as const, item, index })),
    ...years.flatMap((y) =>
      YEARLY_CLAIMS.map((f) => ({ claim: `years.${y}.${f}`, group: 'years' as const, value: firm.years?.[y]?.[f] })),
    ),
    ...items(firm.honors).map((item, index) => ({ claim: `honors[${index}]`, group: 'honors' as const, item, index })),
    { claim: 'other', group: 'other' },
  ];
}

/** Applications the firm may still change (files, the profile behind them), submit or withdraw. */
export const EDITABLE = ['draft', 'returned'] as const;
export const isEditable = (status: string) => (EDITABLE as readonly string[]).includes(status);
