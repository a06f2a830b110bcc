/**
 * One batch as the officers see it: tier, region, window and its state, the levels in order, the
 * days each step has, how many applications of the officer's region are in each state (each a link
 * into the queue), its notices, and — for the deciding level, when some are approved — 发布公示.
 */
import { NotificationOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../../api.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { useConsoleLabels } from '../../../components/console/labels.ts';
import {
  useApplications,
  useWorkflowAction,
  type ApplicationStatus,
  type Batch,
  type Notice,
} from '../../../components/recognition/index.ts';
import { queueToParams } from './queueFilter.ts';
import { BatchStatusTag, LevelChain, NoticeStateTag } from './Tags.tsx';

/** The states worth counting on a batch, in the order an application passes them. */
const COUNTED: ApplicationStatus[] = ['in_review', 'returned', 'approved', 'in_notice', 'certified', 'rejected'];

/** How many of the batch's applications (in the caller's region) are in a state: the list's total. */
const useCount = (batch: number, status: ApplicationStatus) =>
  useApplications({ batch, status, queue: false, pageSize: 1 }).data?.total;

function StatusCount({ batch, status }: { batch: number; status: ApplicationStatus }) {
  const { t } = useI18n();
  const n = useCount(batch, status);
  return (
    <Link
      to={`/console/applications?${queueToParams({ all: true, batch, status, overdue: false, page: 1, pageSize: 20 })}`}
      data-testid={`count-${batch}-${status}`}
    >
      <Tag style={{ cursor: 'pointer' }}>
        {t(`app.status.${status}`)} {n ?? '…'}
      </Tag>
    </Link>
  );
}

function PublishButton({ batch }: { batch: Batch }) {
  const { t, pick } = useI18n();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const approved = useCount(batch.id, 'approved');
  const publish = useWorkflowAction<{ title?: string }, { id: number; listed: number }>(
    `/api/v1/batches/${batch.id}/notices`,
  );
  if (!approved) return null;
  const confirm = () =>
    modal.confirm({
      title: t('review.publish.title'),
      content: t('review.publish.text', { n: approved, days: batch.noticeDays }),
      okText: t('review.publish.button'),
      cancelText: t('review.cancel'),
      okButtonProps: { 'data-testid': 'publish-confirm' },
      onOk: async () => {
        try {
          const notice = await publish.mutateAsync({});
          message.success(t('review.publish.done', { n: notice.listed }));
          navigate(`/console/notices/${notice.id}`);
        } catch (e) {
          message.error(e instanceof ApiError ? pick(e.text) : String(e));
        }
      },
    });
  return (
    <Button
      type="primary"
      icon={<NotificationOutlined aria-hidden />}
      onClick={confirm}
      data-testid={`publish-${batch.id}`}
    >
      {t('review.publish.button')} ({approved})
    </Button>
  );
}

export function BatchCard({
  batch,
  notices,
  highlighted,
  decider,
}: {
  batch: Batch;
  notices: Omit<Notice, 'firms'>[];
  highlighted: boolean;
  /** The caller reviews at the batch's last (deciding) level. */
  decider: boolean;
}) {
  const { t } = useI18n();
  const { policyName } = useConsoleLabels();
  const ref = useRef<HTMLDivElement>(null);
  // A link from the inbox (`?batch=<id>`) brings its batch into view.
  useEffect(() => {
    if (highlighted) ref.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [highlighted]);
  return (
    <div ref={ref} data-testid={`batch-${batch.id}`} data-highlighted={highlighted || undefined}>
      <Card
        size="small"
        style={highlighted ? { borderColor: '#1677ff', boxShadow: '0 0 0 2px rgba(22,119,255,0.2)' } : undefined}
        title={
          <Space wrap size="small">
            <Typography.Text strong>{batch.title}</Typography.Text>
            <BatchStatusTag status={batch.status} />
            {highlighted && <Tag color="blue">{t('review.batch.linked')}</Tag>}
          </Space>
        }
        extra={decider && <PublishButton batch={batch} />}
      >
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'tier', label: t('review.col.tier'), children: policyName(batch.policyId) },
            { key: 'region', label: t('console.col.region'), children: batch.regionName ?? batch.regionCode },
            { key: 'window', label: t('review.batch.window'), children: `${batch.opensOn} ~ ${batch.closesOn}` },
            {
              key: 'edition',
              label: t('review.header.edition'),
              children: t('review.header.editionValue', { edition: batch.edition, date: batch.asOf }),
            },
            { key: 'levels', label: t('review.col.levels'), children: <LevelChain levels={batch.levels} /> },
            {
              key: 'days',
              label: t('review.batch.days'),
              children: t('review.batch.daysValue', {
                review: batch.reviewDays,
                correction: batch.correctionDays,
                notice: batch.noticeDays,
              }),
            },
            {
              key: 'counts',
              label: t('review.batch.counts'),
              span: 'filled',
              children: (
                <Space wrap size={[4, 8]}>
                  {COUNTED.map((s) => (
                    <StatusCount key={s} batch={batch.id} status={s} />
                  ))}
                </Space>
              ),
            },
            ...(notices.length > 0
              ? [
                  {
                    key: 'notices',
                    label: t('review.batch.notices'),
                    span: 'filled' as const,
                    children: (
                      <Space wrap size={[8, 8]}>
                        {notices.map((n) => (
                          <Link key={n.id} to={`/console/notices/${n.id}`}>
                            {n.title} <NoticeStateTag state={n.state} />
                          </Link>
                        ))}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </div>
  );
}
