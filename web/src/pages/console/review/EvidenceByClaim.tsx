/**
 * The files the firm uploaded, under the fact each one backs (研发费用（2025年）, 知识产权第1项 …)
 * and beside the value that fact has now, so the reviewer reads a figure of the evaluation and
 * finds its proof next to it.
 */
import { PaperClipOutlined } from '@ant-design/icons';
import { Card, Tag, Typography } from 'antd';
import { useI18n } from '../../../i18n/index.tsx';
import { enumLabel, factOfPath, useFactCatalog } from '../../../components/evaluation/index.ts';
import { useEnterprise } from '../../../components/profile/index.ts';
import { valueAt } from '../../../components/profile/data.ts';
import { cellText, inputUnit } from '../../../components/profile/FactInput.tsx';
import { EvidenceList, useClaimLabel, type EvidenceItem } from '../../../components/recognition/index.ts';

/** `ip[0]`: a whole list item (the catalog labels only its fields). */
const ITEM = /^(\w+)\[(\d+)\]$/;

/** `other` last; the rest in path order (years, then lists). */
const order = (a: string, b: string) => Number(a === 'other') - Number(b === 'other') || a.localeCompare(b);

export function EvidenceByClaim({ uscc, evidence }: { uscc: string; evidence: EvidenceItem[] }) {
  const { t, pick } = useI18n();
  const fieldLabel = useClaimLabel();
  const catalog = useFactCatalog().data;
  const firm = useEnterprise(uscc).data;
  const claims = [...new Set(evidence.map((e) => e.claim))].sort(order);

  const label = (claim: string) => {
    const item = ITEM.exec(claim);
    const list = item && catalog?.lists[item[1]!];
    return list ? t('review.evidence.item', { list: pick(list.label), n: Number(item[2]) + 1 }) : fieldLabel(claim);
  };

  /** The fact's value now, with its unit (a list item by its kind); nothing for other documents. */
  const valueOf = (claim: string): string | null => {
    const item = ITEM.exec(claim);
    if (item && firm) {
      const entry = (firm[item[1]!] as { kind?: string }[] | undefined)?.[Number(item[2])];
      return entry?.kind ? enumLabel(entry.kind, t) : t('review.evidence.unknown');
    }
    const def = factOfPath(catalog, claim);
    if (!def || !firm) return null;
    const v = valueAt(firm, claim);
    const unit = inputUnit(def, t);
    return v === undefined ? t('review.evidence.unknown') : `${cellText(v, def, t)}${unit ? ` ${unit}` : ''}`;
  };

  return (
    <Card title={t('evidence.title')} data-testid="evidence-by-claim" size="small">
      {claims.length === 0 && <Typography.Text type="secondary">{t('evidence.none')}</Typography.Text>}
      {claims.map((claim) => {
        const value = valueOf(claim);
        return (
          <section key={claim} data-claim={claim} aria-label={label(claim)} style={{ marginBottom: 12 }}>
            <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 6 }}>
              <PaperClipOutlined aria-hidden />
              <Typography.Text strong>{label(claim)}</Typography.Text>
              {value !== null && <Tag data-testid="claim-value">{t('review.evidence.value', { value })}</Tag>}
              <Typography.Text type="secondary">
                {t('review.evidence.files', { n: evidence.filter((e) => e.claim === claim).length })}
              </Typography.Text>
            </div>
            <EvidenceList items={evidence} claim={claim} />
          </section>
        );
      })}
    </Card>
  );
}
