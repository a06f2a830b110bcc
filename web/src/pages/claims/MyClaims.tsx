/** 政策兑现 (/claims): the firm's payouts — offers to confirm, facts to supply, and what has been paid. */
import { Card, Space, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { ClaimStatusTag, useClaims, type Claim } from '../../components/delivery/index.ts';
import { formatWan } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { QueryError } from '../../layout/ErrorPage.tsx';

/** A firm has a few claims a year: one request holds them all. */
const ALL = 200;

export default function MyClaims() {
  const { t, pick } = useI18n();
  const claims = useClaims({ pageSize: ALL });
  const items = claims.data?.items ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('claim.mine.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ maxWidth: 820, marginBottom: 0 }}>
          {t('claim.mine.intro')}
        </Typography.Paragraph>
      </div>
      <Card>
        {claims.error ? (
          <QueryError error={claims.error} onRetry={() => void claims.refetch()} />
        ) : (
          <Table<Claim>
            data-testid="my-claims"
            rowKey="id"
            size="middle"
            loading={claims.isPending}
            dataSource={items}
            scroll={{ x: 'max-content' }}
            pagination={items.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            locale={{ emptyText: t('claim.mine.empty') }}
            onRow={(c) => ({ 'data-testid': `my-claim-${c.id}` }) as HTMLAttributes<HTMLElement>}
            columns={[
              {
                key: 'policy',
                title: t('claim.col.policy'),
                render: (_, c) => <Link to={`/claims/${c.id}`}>{c.policy ? pick(c.policy.title) : c.policyId}</Link>,
              },
              { key: 'amount', title: t('claim.col.amount'), align: 'right', render: (_, c) => formatWan(c.amount) },
              { key: 'status', title: t('claim.col.status'), render: (_, c) => <ClaimStatusTag status={c.status} /> },
              { key: 'respondBy', title: t('claim.col.respondBy'), dataIndex: 'respondBy' },
              {
                key: 'open',
                title: t('claim.col.open'),
                render: (_, c) => <Link to={`/claims/${c.id}`}>{t('claim.col.open')}</Link>,
              },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
