/** Where a fact's current value came from: 自报 / 导入 / 税务 / 社保 / 登记 / 法院 / 审核修正, as a word. */
import { Tag, Tooltip } from 'antd';
import { formatDate } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { FactEntry } from './data.ts';
import { useConsoleLabels } from './labels.ts';

const COLOR: Record<string, string> = {
  self: 'gold',
  import: 'cyan',
  tax: 'geekblue',
  social_insurance: 'purple',
  registry: 'default',
  court: 'volcano',
  reviewer: 'magenta',
};

export function SourceBadge({ entry }: { entry: FactEntry | undefined }) {
  const { t } = useI18n();
  const { sourceName } = useConsoleLabels();
  if (!entry) return null;
  const tip = [
    t('console.history.when') + '：' + formatDate(entry.recordedAt),
    entry.reason ? t('console.history.reason') + '：' + entry.reason : null,
  ]
    .filter(Boolean)
    .join('；');
  return (
    <Tooltip title={tip}>
      <Tag
        color={COLOR[entry.source] ?? 'default'}
        bordered={false}
        style={{ marginInline: 4 }}
        data-source={entry.source}
      >
        {sourceName(entry.source)}
      </Tag>
    </Tooltip>
  );
}
