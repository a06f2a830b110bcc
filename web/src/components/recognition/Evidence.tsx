/**
 * The files backing an application, grouped by the claim each backs (an IP item, a year's figure,
 * other documents), with a link to open each; the firm may remove its own while it can still edit.
 */
import { DeleteOutlined, FileOutlined } from '@ant-design/icons';
import { Button, List, Typography } from 'antd';
import { labelOfPath, useFactCatalog } from '../evaluation/index.ts';
import { formatTime } from '../profile/Source.tsx';
import { useI18n } from '../../i18n/index.tsx';
import type { EvidenceItem } from './data.ts';

const size = (n: number) =>
  n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1048576).toFixed(1)} MB`;

/** The label of a claim: `ip[0]` → 知识产权 第1项, `years.2025.rdExpense` → 研发费用（2025年）. */
export function useClaimLabel() {
  const { t, pick } = useI18n();
  const catalog = useFactCatalog().data;
  return (claim: string) => (claim === 'other' ? t('evidence.claim.other') : pick(labelOfPath(catalog, claim)));
}

export function EvidenceList({
  items,
  claim,
  onRemove,
}: {
  items: EvidenceItem[];
  /** Only the files of this claim. */
  claim?: string;
  onRemove?: (id: number) => void;
}) {
  const { t } = useI18n();
  const label = useClaimLabel();
  const shown = claim === undefined ? items : items.filter((e) => e.claim === claim);
  if (shown.length === 0) return <Typography.Text type="secondary">{t('evidence.none')}</Typography.Text>;
  return (
    <List
      size="small"
      data-testid="evidence-list"
      dataSource={shown}
      renderItem={(e) => (
        <List.Item
          data-testid="evidence-item"
          actions={[
            <a key="open" href={`/api/v1/evidence/${e.id}`} target="_blank" rel="noreferrer">
              {t('evidence.download')}
            </a>,
            ...(onRemove
              ? [
                  <Button
                    key="remove"
                    type="link"
                    danger
                    size="small"
                    icon={<DeleteOutlined aria-hidden />}
                    onClick={() => onRemove(e.id)}
                    aria-label={`${t('evidence.remove')} ${e.fileName}`}
                  >
                    {t('evidence.remove')}
                  </Button>,
                ]
              : []),
          ]}
        >
          <List.Item.Meta
            avatar={<FileOutlined aria-hidden />}
            title={e.fileName}
            description={`${claim === undefined ? `${label(e.claim)} · ` : ''}${size(e.size)} · ${formatTime(e.uploadedAt)} · ${t('evidence.hash', { hash: e.sha256.slice(0, 12) })}…`}
          />
        </List.Item>
      )}
    />
  );
}
