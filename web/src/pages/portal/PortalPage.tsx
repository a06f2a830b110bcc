/**
 * 企业中心 (/portal): the firm's own account, bound to its 统一社会信用代码. The eligibility board
 * on top; below, the record by fiscal year (edited as self-declared facts) and the decision
 * records. A save evaluates the board again.
 */
import { Card, Result, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMe } from '../../auth.tsx';
import { enumLabel } from '../../components/evaluation/index.ts';
import { ProfileView, useEnterprise } from '../../components/profile/index.ts';
import { formatDate } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { QueryError } from '../../layout/ErrorPage.tsx';
import { DecisionList } from './DecisionList.tsx';
import { EligibilityBoard } from './EligibilityBoard.tsx';

export default function PortalPage() {
  const { t } = useI18n();
  const uscc = useMe().data?.uscc;
  if (!uscc) return <Result status="warning" title={t('portal.noFirm.title')} subTitle={t('portal.noFirm.text')} />;
  return <Portal uscc={uscc} />;
}

type Tab = 'profile' | 'records';

function Portal({ uscc }: { uscc: string }) {
  const { t } = useI18n();
  const firm = useEnterprise(uscc);
  /** Bumped after each save (and by the refresh button): the board evaluates again. */
  const [round, setRound] = useState(0);
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'records' ? 'records' : 'profile';

  if (firm.error) return <QueryError error={firm.error} onRetry={() => void firm.refetch()} />;
  const f = firm.data;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        {f ? (
          <>
            <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="portal-firm-name">
              {f.name ?? f.uscc}
            </Typography.Title>
            <Space size={[16, 8]} wrap>
              <Typography.Text type="secondary">
                {t('portal.header.uscc')}：<Typography.Text copyable>{f.uscc}</Typography.Text>
              </Typography.Text>
              {f.regionName && (
                <Typography.Text type="secondary">
                  {t('portal.header.region')}：{f.regionName}
                </Typography.Text>
              )}
              {f.industryCode && (
                <Typography.Text type="secondary">
                  {t('portal.header.industry')}：{f.industryCode}
                </Typography.Text>
              )}
              {f.sizeClass && <Tag color="blue">{t('portal.size.class', { size: enumLabel(f.sizeClass, t) })}</Tag>}
              <Typography.Text type="secondary">
                {t('portal.header.updated', { date: formatDate(f.updatedAt) })}
              </Typography.Text>
            </Space>
          </>
        ) : (
          <Skeleton active title paragraph={{ rows: 1 }} />
        )}
      </Card>

      <EligibilityBoard uscc={uscc} round={round} onRefresh={() => setRound((r) => r + 1)} />

      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams(k === 'records' ? { tab: 'records' } : {}, { replace: true })}
          items={[
            {
              key: 'profile',
              label: t('portal.tab.profile'),
              children: <ProfileView uscc={uscc} mode="self" onSaved={() => setRound((r) => r + 1)} />,
            },
            { key: 'records', label: t('portal.tab.records'), children: <DecisionList uscc={uscc} /> },
          ]}
        />
      </Card>
    </Space>
  );
}
