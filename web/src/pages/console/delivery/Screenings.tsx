/**
 * The screenings of a policy in the officer's reach, newest first, and the one chosen (`?screening=`,
 * else the newest) in full below: its progress, lists and publication. 发起筛查 starts another and
 * shows it.
 */
import { PlayCircleOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useScreenings, type RewardTerms, type Screening } from '../../../components/delivery/index.ts';
import { formatNumber } from '../../../format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { QueryError } from '../../../layout/ErrorPage.tsx';
import { ScreeningDetail } from './ScreeningDetail.tsx';
import { ScreeningStatusTag } from './ScreeningStatusTag.tsx';
import { StartScreening } from './StartScreening.tsx';

export function Screenings({ policy, reward }: { policy: string; reward: RewardTerms | null }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const list = useScreenings(policy);
  const [starting, setStarting] = useState(false);
  const items = list.data ?? [];
  const chosen = Number(params.get('screening')) || items[0]?.id;
  const show = (id: number) =>
    setParams((p) => {
      p.set('screening', String(id));
      return p;
    });

  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <Card
      title={t('delivery.screen.title')}
      extra={
        <Button
          type="primary"
          icon={<PlayCircleOutlined aria-hidden />}
          onClick={() => setStarting(true)}
          data-testid="screening-start"
        >
          {t('delivery.screen.start')}
        </Button>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Table<Screening>
          data-testid="screenings"
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={items}
          scroll={{ x: 'max-content' }}
          pagination={items.length > 5 ? { pageSize: 5, showSizeChanger: false } : false}
          locale={{ emptyText: t('delivery.screen.none') }}
          rowClassName={(s) => (s.id === chosen ? 'ant-table-row-selected' : '')}
          onRow={(s) =>
            ({
              'data-testid': `screening-row-${s.id}`,
              onClick: () => show(s.id),
              style: { cursor: 'pointer' },
            }) as HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              key: 'id',
              title: t('delivery.screen.col.id'),
              render: (_, s) => (
                <Typography.Link onClick={() => show(s.id)} aria-current={s.id === chosen}>
                  #{s.id}
                </Typography.Link>
              ),
            },
            { key: 'asOf', title: t('delivery.screen.col.asOf'), dataIndex: 'asOf' },
            {
              key: 'status',
              title: t('delivery.screen.col.status'),
              render: (_, s) => <ScreeningStatusTag status={s.status} />,
            },
            {
              key: 'counts',
              title: t('delivery.screen.col.counts'),
              render: (_, s) =>
                s.status === 'done'
                  ? [s.counts.qualified, s.counts.not_qualified, s.counts.undetermined]
                      .map((n) => formatNumber(n ?? 0))
                      .join(' / ')
                  : '—',
            },
            {
              key: 'published',
              title: t('delivery.screen.col.published'),
              render: (_, s) =>
                s.publishedAt ? (
                  <Tag color="success">{t('delivery.screen.published', { date: s.respondBy ?? '—' })}</Tag>
                ) : (
                  <Tag>{t('delivery.screen.unpublished')}</Tag>
                ),
            },
          ]}
        />
        {chosen !== undefined && <ScreeningDetail key={chosen} id={chosen} reward={reward} />}
      </Space>
      {starting && (
        <StartScreening
          policy={policy}
          onClose={() => setStarting(false)}
          onStarted={(id) => {
            setStarting(false);
            show(id);
          }}
        />
      )}
    </Card>
  );
}
