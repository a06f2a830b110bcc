/**
 * One screening: its progress (asked again every second while it runs), the three lists once it is
 * done — eligible with the amount, ineligible with the conditions failed, undetermined with the
 * facts missing — and 发布名单 while it is unpublished.
 */
import { SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Progress, Skeleton, Space, Tabs, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import {
  useRefreshDelivery,
  useScreening,
  VERDICTS,
  type RewardTerms,
  type Screening,
} from '../../../components/delivery/index.ts';
import { formatNumber, formatWan } from '../../../format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { QueryError } from '../../../layout/ErrorPage.tsx';
import { PublishDialog } from './PublishDialog.tsx';
import { ScreenedList } from './ScreenedList.tsx';
import { ScreeningStatusTag } from './ScreeningStatusTag.tsx';

export function ScreeningDetail({ id, reward }: { id: number; reward: RewardTerms | null }) {
  const { t } = useI18n();
  const query = useScreening(id);
  const s = query.data;
  useRefreshWhenFinished(s?.status);
  const [publishing, setPublishing] = useState(false);

  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!s) return <Skeleton active paragraph={{ rows: 4 }} />;
  const open = s.status === 'queued' || s.status === 'running';
  return (
    <Card
      size="small"
      type="inner"
      data-testid="screening"
      data-id={s.id}
      title={
        <Space wrap>
          {t('delivery.screen.heading', { id: s.id, asOf: s.asOf })}
          <ScreeningStatusTag status={s.status} />
        </Space>
      }
      extra={
        s.status === 'done' &&
        !s.publishedAt && (
          <Button
            type="primary"
            icon={<SendOutlined aria-hidden />}
            onClick={() => setPublishing(true)}
            data-testid="screening-publish"
          >
            {t('delivery.publish.button')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        <div role="status" aria-live="polite">
          <Progress
            data-testid="screening-progress"
            percent={s.total ? Math.floor((s.processed / s.total) * 100) : open ? 0 : 100}
            status={s.status === 'failed' ? 'exception' : open ? 'active' : 'success'}
          />
          <Typography.Text type="secondary">
            {t('delivery.screen.progress', { processed: formatNumber(s.processed), total: formatNumber(s.total) })}
            {s.status === 'done' &&
              ` · ${t('delivery.screen.sum', {
                n: formatNumber(s.counts.qualified ?? 0),
                amount: formatWan(s.amounts.qualified ?? 0),
              })}`}
          </Typography.Text>
        </div>
        {s.status === 'failed' && (
          <Alert type="error" showIcon title={t('delivery.screen.failed', { reason: s.failure ?? '—' })} />
        )}
        {s.publishedAt && (
          <Typography.Text data-testid="screening-published">
            {t('delivery.screen.published', { date: s.respondBy ?? '—' })}
          </Typography.Text>
        )}
        {s.status === 'done' && <Lists screening={s} />}
      </Space>
      {publishing && <PublishDialog screening={s} reward={reward} onClose={() => setPublishing(false)} />}
    </Card>
  );
}

function Lists({ screening }: { screening: Screening }) {
  const { t } = useI18n();
  return (
    <Tabs
      data-testid="screening-lists"
      items={VERDICTS.map((v) => ({
        key: v,
        label: (
          <span data-testid={`tab-${v}`} data-count={screening.counts[v] ?? 0}>
            {t(`delivery.list.${v}`)} {formatNumber(screening.counts[v] ?? 0)}
          </span>
        ),
        children: <ScreenedList screening={screening.id} verdict={v} />,
      }))}
    />
  );
}

/** The list of screenings and the totals are stale once a screening the page watched has finished. */
function useRefreshWhenFinished(status: Screening['status'] | undefined) {
  const refresh = useRefreshDelivery();
  const last = useRef(status);
  useEffect(() => {
    const was = last.current;
    last.current = status;
    if ((was === 'queued' || was === 'running') && (status === 'done' || status === 'failed')) refresh();
  }, [status, refresh]);
}
