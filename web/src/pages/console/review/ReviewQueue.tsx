/**
 * 认定审核: by default the applications waiting for the caller's level in their region, overdue
 * first (the API orders them); or every application of the region, by status. Batch, overdue and
 * a name or code search narrow either; every filter and the page live in the URL.
 */
import { Card, Checkbox, Col, Form, Input, Row, Segmented, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../../auth.tsx';
import { formatNumber } from '../../../format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { QueryError } from '../../../layout/ErrorPage.tsx';
import { useConsoleLabels } from '../../../components/console/labels.ts';
import {
  ApplicationStatusTag,
  DueTag,
  useApplications,
  useBatches,
  type ApplicationStatus,
  type ApplicationSummary,
} from '../../../components/recognition/index.ts';
import { queueFromParams, queueQuery, queueToParams, STATUSES, type QueueFilter } from './queueFilter.ts';

const styles = `.hq-overdue > td { background: #fff2f0; }`;

export default function ReviewQueue() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const me = useMe().data;
  const { policyName } = useConsoleLabels();
  const [params, setParams] = useSearchParams();
  const f = useMemo(() => queueFromParams(params), [params]);
  const list = useApplications(queueQuery(f));
  // Batches whose region holds the officer's (an administrator sees every batch).
  const batches = useBatches(me?.regionCode ? { region: me.regionCode } : {}).data;
  const back = { back: `/console/applications${params.size ? `?${params}` : ''}` };
  const update = (patch: Partial<QueueFilter>) => setParams(queueToParams({ ...f, page: 1, ...patch }));

  if (list.isError && !list.data) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;

  const columns: ColumnsType<ApplicationSummary> = [
    {
      title: t('console.col.name'),
      dataIndex: 'firmName',
      render: (name: string | null, r) => (
        <Link to={`/console/applications/${r.id}`} state={back}>
          {name ?? r.uscc}
        </Link>
      ),
    },
    {
      title: t('console.col.uscc'),
      dataIndex: 'uscc',
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    { title: t('review.col.batch'), dataIndex: 'batchTitle' },
    { title: t('review.col.tier'), dataIndex: 'policyId', render: (p: string) => policyName(p, true) },
    {
      title: t('review.col.status'),
      dataIndex: 'status',
      render: (s: ApplicationStatus) => <ApplicationStatusTag status={s} />,
    },
    {
      title: t('review.col.level'),
      dataIndex: 'level',
      render: (l: ApplicationSummary['level']) => (l ? t(`app.level.${l}`) : '—'),
    },
    {
      title: t('review.col.due'),
      dataIndex: 'dueOn',
      render: (d: string | null, r) => (d ? <DueTag due={d} overdue={r.overdue} /> : '—'),
    },
    {
      title: t('review.col.open'),
      key: 'open',
      render: (_, r) => (
        <Link
          to={`/console/applications/${r.id}`}
          state={back}
          aria-label={`${t('review.col.open')} ${r.firmName ?? r.uscc}`}
        >
          {t('review.col.open')}
        </Link>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <style>{styles}</style>
      <Row justify="space-between" align="middle" gutter={[16, 8]}>
        <Col>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('review.queue.title')}
          </Typography.Title>
        </Col>
        <Col>
          <Link to="/console/batches">{t('review.queue.toBatches')}</Link>
        </Col>
      </Row>
      <Segmented
        data-testid="queue-view"
        value={f.all ? 'all' : 'queue'}
        onChange={(v) => update({ all: v === 'all', status: undefined })}
        options={[
          { value: 'queue', label: t('review.queue.mine') },
          { value: 'all', label: t('review.queue.all') },
        ]}
      />
      <Card size="small">
        <Form layout="vertical" component="div">
          <Row gutter={[16, 0]}>
            <Col xs={24} md={12} xl={8}>
              <Form.Item label={t('console.filter.q')} htmlFor="queue-q">
                <Input.Search
                  // A new URL value starts the box afresh; typing stays local until searched.
                  key={f.q ?? ''}
                  id="queue-q"
                  data-testid="queue-q"
                  allowClear
                  defaultValue={f.q}
                  maxLength={60}
                  placeholder={t('console.filter.qPlaceholder')}
                  enterButton={t('console.filter.search')}
                  onSearch={(q) => update({ q: q.trim() || undefined })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item label={t('review.col.batch')} htmlFor="queue-batch">
                <Select
                  id="queue-batch"
                  data-testid="queue-batch"
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('console.filter.any')}
                  value={f.batch}
                  options={(batches ?? []).map((b) => ({ value: b.id, label: b.title }))}
                  onChange={(batch?: number) => update({ batch })}
                />
              </Form.Item>
            </Col>
            {f.all && (
              <Col xs={24} md={12} xl={4}>
                <Form.Item label={t('review.col.status')} htmlFor="queue-status">
                  <Select
                    id="queue-status"
                    data-testid="queue-status"
                    allowClear
                    placeholder={t('console.filter.any')}
                    value={f.status}
                    options={STATUSES.map((s) => ({ value: s, label: t(`app.status.${s}`) }))}
                    onChange={(status?: ApplicationStatus) => update({ status })}
                  />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={12} xl={4}>
              <Form.Item label={t('review.queue.deadline')} htmlFor="queue-overdue">
                <Checkbox
                  id="queue-overdue"
                  data-testid="queue-overdue"
                  checked={f.overdue}
                  onChange={(e) => update({ overdue: e.target.checked })}
                >
                  {t('review.queue.overdueOnly')}
                </Checkbox>
              </Form.Item>
            </Col>
          </Row>
          <Typography.Text type="secondary" role="status">
            {list.data ? t('review.queue.found', { n: formatNumber(list.data.total) }) : t('common.loading')}
          </Typography.Text>
        </Form>
      </Card>
      <Table<ApplicationSummary>
        data-testid="review-queue"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t(f.all ? 'review.queue.emptyAll' : 'review.queue.empty') }}
        rowClassName={(r) => (r.overdue ? 'hq-overdue' : '')}
        onRow={(r) =>
          ({
            'data-testid': `queue-row-${r.id}`,
            'data-overdue': r.overdue,
            onClick: (e) => {
              if ((e.target as HTMLElement).closest('a,button')) return;
              navigate(`/console/applications/${r.id}`, { state: back });
            },
            style: { cursor: 'pointer' },
          }) as HTMLAttributes<HTMLElement>
        }
        pagination={{
          current: f.page,
          pageSize: f.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (n) => t('review.queue.total', { n: formatNumber(n) }),
          onChange: (page, pageSize) =>
            setParams(queueToParams({ ...f, page: pageSize !== f.pageSize ? 1 : page, pageSize })),
        }}
      />
    </Space>
  );
}
