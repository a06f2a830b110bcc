/**
 * 公示 for the officers: its dates and state, the firms on it with their status, the objections
 * lodged against each (resolved here by the deciding level), and 作出认定 once the notice has
 * ended with nothing open — which certifies the firms still on it and shows their certificate
 * numbers.
 */
import { ArrowLeftOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Skeleton, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../../api.ts';
import { useMe } from '../../../auth.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { QueryError } from '../../../layout/ErrorPage.tsx';
import { useConsoleLabels } from '../../../components/console/labels.ts';
import {
  ApplicationStatusTag,
  useBatch,
  useNotice,
  useWorkflowAction,
  type Notice,
  type Objection,
} from '../../../components/recognition/index.ts';
import { ObjectionList } from './Objections.tsx';
import { NoticeStateTag } from './Tags.tsx';

type Firm = Notice['firms'][number];
type NoticeObjection = Objection & { applicationId: number };
interface Decided {
  notice: number;
  certified: { application: number; certificateNo: string }[];
}

export default function NoticeReview() {
  const { id = '' } = useParams();
  const notice = useNotice(Number(id));
  if (notice.isError) return <QueryError error={notice.error} onRetry={() => void notice.refetch()} />;
  if (!notice.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  return <NoticeBody n={notice.data} />;
}

function NoticeBody({ n }: { n: Notice }) {
  const { t, pick } = useI18n();
  const { modal, message } = App.useApp();
  const me = useMe().data;
  const { policyName } = useConsoleLabels();
  const batch = useBatch(n.batchId);
  // Under the notice's key, so every move (which refreshes notices) refreshes them too.
  const lodged = useQuery({
    queryKey: ['notice', n.id, 'objections'],
    queryFn: () => api<{ items: NoticeObjection[] }>(`/api/v1/notices/${n.id}/objections`).then((r) => r.items),
  });
  const decide = useWorkflowAction<undefined, Decided>(`/api/v1/notices/${n.id}/decide`);
  const [decided, setDecided] = useState<Decided | null>(null);
  const levels = batch.data?.levels ?? [];
  const decider = me?.role === 'reviewer' && me.level === levels[levels.length - 1];
  const objectionsOf = (appId: number) => (lodged.data ?? []).filter((o) => o.applicationId === appId);
  const open = n.firms.reduce((sum, f) => sum + objectionsOf(f.id).filter((o) => o.status === 'open').length, 0);
  const objected = n.firms.filter((f) => objectionsOf(f.id).length > 0);
  const loadingObjections = lodged.isPending;
  const nameOf = (appId: number) => n.firms.find((f) => f.id === appId)?.name ?? String(appId);

  const confirmDecide = () =>
    modal.confirm({
      title: t('review.decide.title'),
      content: t('review.decide.text', { n: n.firms.filter((f) => f.status === 'in_notice').length }),
      okText: t('review.decide.button'),
      cancelText: t('review.cancel'),
      okButtonProps: { 'data-testid': 'decide-confirm' },
      onOk: async () => {
        try {
          const r = await decide.mutateAsync(undefined);
          setDecided(r);
          message.success(t('review.decide.done', { n: r.certified.length }));
        } catch (e) {
          message.error(e instanceof ApiError ? pick(e.text) : String(e));
        }
      },
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="notice-review">
      <Link to={`/console/batches?batch=${n.batchId}`}>
        <ArrowLeftOutlined aria-hidden /> {t('review.notice.back')}
      </Link>
      <Card
        title={
          <Space wrap size="small">
            <Typography.Text strong style={{ whiteSpace: 'normal' }}>
              {n.title}
            </Typography.Text>
            <NoticeStateTag state={n.state} />
          </Space>
        }
        extra={
          decider &&
          n.state !== 'decided' && (
            <Button
              type="primary"
              icon={<SafetyCertificateOutlined aria-hidden />}
              disabled={n.state !== 'ended' || open > 0 || loadingObjections}
              onClick={confirmDecide}
              data-testid="notice-decide"
            >
              {t('review.decide.button')}
            </Button>
          )
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'tier', label: t('review.col.tier'), children: policyName(n.policyId) },
            { key: 'region', label: t('console.col.region'), children: n.regionName ?? n.regionCode },
            { key: 'period', label: t('review.notice.period'), children: `${n.startsOn} ~ ${n.endsOn}` },
            {
              key: 'batch',
              label: t('review.col.batch'),
              children: <Link to={`/console/batches?batch=${n.batchId}`}>{batch.data?.title ?? n.batchId}</Link>,
            },
            { key: 'firms', label: t('review.notice.firms'), children: n.firms.length },
            { key: 'open', label: t('review.notice.openObjections'), children: loadingObjections ? '…' : open },
          ]}
        />
        {decider && n.state !== 'decided' && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} role="status">
            {n.state === 'open'
              ? t('review.decide.running', { date: n.endsOn })
              : open > 0
                ? t('review.decide.objectionsOpen', { n: open })
                : t('review.decide.ready')}
          </Typography.Paragraph>
        )}
      </Card>
      {decided && (
        <Alert
          type="success"
          showIcon
          data-testid="decided"
          title={t('review.decide.done', { n: decided.certified.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {decided.certified.map((c) => (
                <li key={c.application}>
                  <Link to={`/console/applications/${c.application}`}>{nameOf(c.application)}</Link>
                  {' · '}
                  {t('review.decide.certificate')}
                  <Typography.Text code data-testid="certificate-no">
                    {c.certificateNo}
                  </Typography.Text>
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Card title={t('review.notice.firmsHeading')}>
        <Table<Firm>
          data-testid="notice-firms"
          rowKey="id"
          size="middle"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={n.firms}
          columns={[
            {
              title: t('console.col.name'),
              dataIndex: 'name',
              render: (name: string | null, f) => <Link to={`/console/applications/${f.id}`}>{name ?? f.uscc}</Link>,
            },
            {
              title: t('console.col.uscc'),
              dataIndex: 'uscc',
              render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
            },
            {
              title: t('console.col.region'),
              dataIndex: 'regionName',
              render: (v: string | null, f) => v ?? f.regionCode,
            },
            {
              title: t('review.col.status'),
              dataIndex: 'status',
              render: (s: Firm['status']) => <ApplicationStatusTag status={s} />,
            },
            {
              title: t('review.notice.objections'),
              key: 'objections',
              render: (_, f) => {
                const all = objectionsOf(f.id);
                const pending = all.filter((o) => o.status === 'open').length;
                return all.length === 0 ? '—' : t('review.notice.objectionCount', { n: all.length, open: pending });
              },
            },
          ]}
        />
      </Card>
      {objected.length > 0 && (
        <Card title={t('review.notice.objections')} data-testid="notice-objections">
          {objected.map((f) => (
            <section key={f.id} aria-label={f.name ?? f.uscc}>
              <Link to={`/console/applications/${f.id}`}>
                <Typography.Text strong>{f.name ?? f.uscc}</Typography.Text>
              </Link>
              <ObjectionList objections={objectionsOf(f.id)} canResolve={decider} />
            </section>
          ))}
        </Card>
      )}
    </Space>
  );
}
