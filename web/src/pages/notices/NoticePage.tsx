/**
 * One notice (/notices/:id, public): the firms proposed for a tier, the period, and — while it
 * runs — a way to object to each firm on it.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { HTMLAttributes } from 'react';
import { Link, useParams } from 'react-router';
import { useNotice, type Notice } from '../../components/recognition/index.ts';
import { formatTime } from '../../components/profile/Source.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorPage, QueryError } from '../../layout/ErrorPage.tsx';
import { tierOfPolicy } from '../register/tiers.ts';
import { NoticeStateTag } from './NoticeStateTag.tsx';
import { ObjectionDialog } from './ObjectionForm.tsx';

type Firm = Notice['firms'][number];

export default function NoticePage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <ErrorPage kind="404" />;
  return <NoticeView id={id} />;
}

function NoticeView({ id }: { id: number }) {
  const { t } = useI18n();
  const notice = useNotice(id);
  const [objecting, setObjecting] = useState<{ id: number; name: string } | null>(null);
  if (notice.error) return <QueryError error={notice.error} onRetry={() => void notice.refetch()} />;
  const n = notice.data;
  const open = n?.state === 'open';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/notices">
        <ArrowLeftOutlined aria-hidden /> {t('notice.back')}
      </Link>
      <Card data-testid="notice" data-state={n?.state}>
        {!n ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <div>
              <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 8 }}>
                {n.title}
              </Typography.Title>
              <Space size={[8, 8]} wrap>
                <NoticeStateTag state={n.state} />
                <Typography.Text strong data-testid="notice-period">
                  {t('notice.period', { from: n.startsOn, to: n.endsOn })}
                </Typography.Text>
              </Space>
            </div>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, lg: 3 }}
              items={[
                { key: 'tier', label: t('notice.tier'), children: tierOfPolicy(n.policyId, t) },
                { key: 'region', label: t('notice.region'), children: n.regionName ?? n.regionCode },
                { key: 'published', label: t('notice.publishedAt'), children: formatTime(n.publishedAt) },
              ]}
            />
            <Alert
              type={open ? 'info' : 'warning'}
              showIcon
              title={t(open ? 'notice.openHint' : 'notice.closedHint')}
            />
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('notice.firms', { n: n.firms.length })}
            </Typography.Title>
            <Table<Firm>
              data-testid="notice-firms"
              rowKey="id"
              dataSource={n.firms}
              scroll={{ x: 'max-content' }}
              pagination={n.firms.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              onRow={(f) => ({ 'data-testid': `notice-firm-${f.id}` }) as HTMLAttributes<HTMLElement>}
              columns={[
                { key: 'name', title: t('notice.col.name'), render: (_, f) => f.name ?? '—' },
                {
                  key: 'uscc',
                  title: t('notice.col.uscc'),
                  render: (_, f) => <Typography.Text copyable>{f.uscc}</Typography.Text>,
                },
                { key: 'region', title: t('notice.col.firmRegion'), render: (_, f) => f.regionName ?? f.regionCode },
                ...(open
                  ? [
                      {
                        key: 'action',
                        title: t('notice.col.action'),
                        // Kept in view on a phone, where the code and region scroll sideways.
                        fixed: 'right' as const,
                        render: (_: unknown, f: Firm) => (
                          <Button
                            size="small"
                            data-testid={`object-${f.id}`}
                            aria-label={t('notice.objectAria', { name: f.name ?? f.uscc })}
                            onClick={() => setObjecting({ id: f.id, name: f.name ?? f.uscc })}
                          >
                            {t('notice.object')}
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Space>
        )}
      </Card>
      <ObjectionDialog noticeId={id} firm={objecting} onClose={() => setObjecting(null)} />
    </Space>
  );
}
