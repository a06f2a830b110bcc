/**
 * 我的申报 (/applications): the batches the firm may apply to now, and below, every application
 * it has made with where each stands and what is due.
 */
import { Card, Result, Space, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../auth.tsx';
import {
  ApplicationStatusTag,
  DueTag,
  useApplications,
  type ApplicationSummary,
} from '../../components/recognition/index.ts';
import { formatDate } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { QueryError } from '../../layout/ErrorPage.tsx';
import { tierOfPolicy } from '../register/tiers.ts';
import { OpenBatches } from './OpenBatches.tsx';

/** A firm has a handful of applications a year: one request holds them all. */
const ALL = 200;

export default function MyApplications() {
  const { t } = useI18n();
  const uscc = useMe().data?.uscc;
  if (!uscc) return <Result status="warning" title={t('portal.noFirm.title')} subTitle={t('portal.noFirm.text')} />;
  return <Mine uscc={uscc} />;
}

function Mine({ uscc }: { uscc: string }) {
  const { t } = useI18n();
  const apps = useApplications({ queue: false, pageSize: ALL });
  const items = apps.data?.items ?? [];
  const byBatch = new Map(items.map((a) => [a.batchId, a]));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('apply.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ maxWidth: 820, marginBottom: 0 }}>
          {t('apply.intro')}
        </Typography.Paragraph>
      </div>
      <OpenBatches uscc={uscc} applied={byBatch} />
      <Card title={t('apply.list.title')}>
        {apps.error ? (
          <QueryError error={apps.error} onRetry={() => void apps.refetch()} />
        ) : (
          <Table<ApplicationSummary>
            data-testid="my-applications"
            rowKey="id"
            size="middle"
            loading={apps.isPending}
            dataSource={items}
            scroll={{ x: 'max-content' }}
            pagination={items.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            locale={{ emptyText: t('apply.list.empty') }}
            onRow={(a) => ({ 'data-testid': `application-${a.id}` }) as HTMLAttributes<HTMLElement>}
            columns={[
              {
                key: 'batch',
                title: t('apply.col.batch'),
                render: (_, a) => <Link to={`/applications/${a.id}`}>{a.batchTitle}</Link>,
              },
              { key: 'tier', title: t('apply.col.tier'), render: (_, a) => tierOfPolicy(a.policyId, t) },
              { key: 'kind', title: t('apply.col.kind'), render: (_, a) => <Tag>{t(`app.kind.${a.kind}`)}</Tag> },
              {
                key: 'status',
                title: t('apply.col.status'),
                render: (_, a) => <ApplicationStatusTag status={a.status} />,
              },
              {
                key: 'level',
                title: t('apply.col.level'),
                render: (_, a) => (a.level ? t('app.levelReview', { level: t(`app.level.${a.level}`) }) : '—'),
              },
              {
                key: 'due',
                title: t('apply.col.due'),
                render: (_, a) => (a.dueOn ? <DueTag due={a.dueOn} overdue={a.overdue} /> : '—'),
              },
              {
                key: 'submitted',
                title: t('apply.col.submittedAt'),
                render: (_, a) => formatDate(a.submittedAt),
              },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
