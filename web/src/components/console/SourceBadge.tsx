/** Where a fact's current value came from, as the profile shows it (自报 / 导入 / … / 认定), with when and why. */
import { Tooltip } from 'antd';
import { formatDate } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { SourceTag } from '../profile/Source.tsx';
import type { FactEntry } from './data.ts';

export function SourceBadge({ entry }: { entry: FactEntry | undefined }) {
  const { t } = useI18n();
  if (!entry) return null;
  const tip = [
    t('console.history.when') + '：' + formatDate(entry.recordedAt),
    entry.reason ? t('console.history.reason') + '：' + entry.reason : null,
  ]
    .filter(Boolean)
    .join('；');
  return (
    <Tooltip title={tip}>
      <span style={{ marginInline: 4 }}>
        <SourceTag source={entry.source} />
      </span>
    </Tooltip>
  );
}
