/**
 * How a claim reads on the firm's page: `ip[0]` → 知识产权第 1 项 with the item's kind and date,
 * `years.2025.revenue` → 营业收入（2025年） with the figure, a certificate with its number and
 * validity; and the heading of each group.
 */
import { enumLabel, formatValue, labelOfPath, useFactCatalog } from '../../components/evaluation/index.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Claim, ClaimGroup } from './claims.ts';

export function useClaimText() {
  const { t, pick } = useI18n();
  const catalog = useFactCatalog().data;
  const describe = (c: Claim): { label: string; detail?: string } => {
    if (c.group === 'years')
      return {
        label: pick(labelOfPath(catalog, c.claim)),
        detail: formatValue(typeof c.value === 'number' ? c.value : null, 'yuan', t),
      };
    if (c.group === 'other') return { label: t('evidence.claim.other') };
    const i = c.item ?? {};
    const parts = [
      typeof i.kind === 'string' ? enumLabel(i.kind, t) : null,
      typeof i.certificateNo === 'string' ? i.certificateNo : null,
      typeof i.grantedOn === 'string' ? i.grantedOn : null,
      typeof i.validFrom === 'string' && typeof i.validTo === 'string'
        ? t('apply.range', { from: i.validFrom, to: i.validTo })
        : null,
    ];
    const list = catalog?.lists[c.group];
    return {
      label: t('apply.evidence.item', { list: list ? pick(list.label) : c.group, n: (c.index ?? 0) + 1 }),
      detail: parts.filter(Boolean).join(' · '),
    };
  };
  const heading: Record<ClaimGroup, string> = {
    ip: catalog ? pick(catalog.lists.ip?.label) : 'ip',
    years: t('apply.evidence.years'),
    honors: catalog ? pick(catalog.lists.honors?.label) : 'honors',
    other: t('evidence.claim.other'),
  };
  return { describe, heading };
}
