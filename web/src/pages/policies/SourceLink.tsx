/** An edition's source link, marked 转载 with who published it when the link is a copy, not an official page. */
import { LinkOutlined } from '@ant-design/icons';
import { Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import type { PolicyEditionDoc } from '../../components/evaluation/index.ts';
import { useI18n } from '../../i18n/index.tsx';

export function SourceLink({ edition, children }: { edition: PolicyEditionDoc; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <a href={edition.source} target="_blank" rel="noreferrer noopener" style={{ wordBreak: 'break-all' }}>
        <LinkOutlined aria-hidden /> {children}
      </a>
      {edition.reprint && (
        <Tag title={t('calculator.policy.reprintBy', { publisher: edition.reprint })} data-testid="source-reprint">
          {t('calculator.policy.reprint')}
        </Tag>
      )}
    </Space>
  );
}
