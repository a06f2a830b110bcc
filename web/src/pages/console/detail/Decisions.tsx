/**
 * The firm's decision records (those this page view made — one per policy evaluated — marked):
 * open one to see what was kept — the policy version by its hash, the as-of date, who — and replay
 * it to show the stored input gives the same result again.
 */
import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Empty, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../../api.ts';
import { useI18n } from '../../../i18n/index.tsx';
import type { DecisionRecord } from '../../../components/console/data.ts';
import { useConsoleLabels } from '../../../components/console/labels.ts';
import { enumLabel, VerdictTag, type Verdict } from '../../../components/evaluation/index.ts';
import { formatNumber } from '../../../format.ts';
import { Actor, when } from './FactHistory.tsx';

export interface MadeDecision {
  id: number;
  policyId: string;
  verdict: Verdict;
  asOf: string;
  at: string;
}

interface DecisionSummary {
  id: number;
  policyId: string;
  edition: string;
  asOf: string;
  verdict: Verdict;
  outcome: string | number | null;
  score: number | null;
  purpose: string;
  actor: string;
  createdAt: string;
}

const PAGE_SIZE = 20;

/** The firm's decision records, newest first, those this page view made marked 本次. */
export function Decisions({ uscc, made }: { uscc: string; made: MadeDecision[] }) {
  const { t, pick } = useI18n();
  const { policyName } = useConsoleLabels();
  const [open, setOpen] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const mine = new Set(made.map((d) => d.id));
  const list = useQuery({
    // A new record made in this view shows at once.
    queryKey: ['console', 'firm-decisions', uscc, page, made.length],
    queryFn: () =>
      api<{ items: DecisionSummary[]; total: number }>(
        `/api/v1/enterprises/${encodeURIComponent(uscc)}/decisions?page=${page}&pageSize=${PAGE_SIZE}`,
      ),
    placeholderData: keepPreviousData,
  });
  if (list.isError)
    return (
      <Alert
        type="error"
        showIcon
        title={list.error instanceof ApiError ? pick(list.error.text) : String(list.error)}
      />
    );
  if (list.data?.total === 0) return <Empty description={t('console.decisions.none')} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('console.decisions.hint')}</Typography.Paragraph>
      <Table<DecisionSummary>
        data-testid="decision-list"
        rowKey="id"
        size="small"
        loading={list.isFetching}
        scroll={{ x: true }}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          {
            title: t('console.decisions.id'),
            dataIndex: 'id',
            render: (id: number) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                #{id}
                {mine.has(id) && (
                  <Tag color="blue" style={{ marginInlineStart: 6 }}>
                    {t('console.decisions.thisView')}
                  </Tag>
                )}
              </span>
            ),
          },
          { title: t('console.eval.policy'), dataIndex: 'policyId', render: (p: string) => policyName(p) },
          {
            title: t('console.eval.verdict'),
            dataIndex: 'verdict',
            render: (v: Verdict) => <VerdictTag verdict={v} />,
          },
          {
            title: t('console.eval.result'),
            key: 'result',
            render: (_, d) =>
              d.score !== null ? formatNumber(d.score) : d.outcome !== null ? enumLabel(String(d.outcome), t) : '—',
          },
          { title: t('console.decisions.edition'), dataIndex: 'edition' },
          { title: t('console.decisions.asOf'), dataIndex: 'asOf' },
          { title: t('console.history.who'), dataIndex: 'actor', render: (a: string) => <Actor actor={a} /> },
          { title: t('console.decisions.at'), dataIndex: 'createdAt', render: when },
          {
            title: t('console.decisions.actions'),
            key: 'open',
            render: (_, d) => (
              <Button size="small" onClick={() => setOpen(d.id)}>
                {t('console.decisions.open')}
              </Button>
            ),
          },
        ]}
      />
      <DecisionModal id={open} onClose={() => setOpen(null)} />
    </>
  );
}

function DecisionModal({ id, onClose }: { id: number | null; onClose(): void }) {
  const { t, pick } = useI18n();
  const { policyName } = useConsoleLabels();
  const record = useQuery({
    queryKey: ['console', 'decision', id],
    queryFn: () => api<DecisionRecord>(`/api/v1/decisions/${id}`),
    enabled: id !== null,
    staleTime: Infinity,
  });
  const replay = useMutation({
    mutationFn: (d: number) =>
      api<{ identical: boolean; decision: DecisionRecord }>(`/api/v1/decisions/${d}/replay`, { method: 'POST' }),
  });
  const d = record.data;
  return (
    <Modal
      open={id !== null}
      title={t('console.decisions.title', { id: id ?? '' })}
      onCancel={() => {
        replay.reset();
        onClose();
      }}
      footer={null}
      width={640}
    >
      {record.isError ? (
        <Alert
          type="error"
          showIcon
          title={record.error instanceof ApiError ? pick(record.error.text) : String(record.error)}
        />
      ) : !d ? (
        <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              {
                key: 'policy',
                label: t('console.eval.policy'),
                children: `${policyName(d.policyId)}（${d.policyId}）`,
              },
              { key: 'edition', label: t('console.decisions.edition'), children: d.edition },
              {
                key: 'hash',
                label: t('console.decisions.hash'),
                children: (
                  <Typography.Text code copyable>
                    {d.policyHash}
                  </Typography.Text>
                ),
              },
              { key: 'asOf', label: t('console.decisions.asOf'), children: d.asOf },
              {
                key: 'verdict',
                label: t('console.eval.verdict'),
                children: <VerdictTag verdict={d.verdict as Verdict} />,
              },
              { key: 'actor', label: t('console.history.who'), children: <Actor actor={d.actor} /> },
              { key: 'at', label: t('console.decisions.at'), children: when(d.createdAt) },
            ]}
          />
          <Space wrap>
            <Button onClick={() => replay.mutate(d.id)} loading={replay.isPending} data-testid="decision-replay">
              {t('console.decisions.replay')}
            </Button>
            {replay.data &&
              (replay.data.identical ? (
                <Tag color="success" icon={<CheckCircleOutlined aria-hidden />}>
                  {t('console.decisions.identical')}
                </Tag>
              ) : (
                <Tag color="error" icon={<CloseCircleOutlined aria-hidden />}>
                  {t('console.decisions.different')}
                </Tag>
              ))}
            {replay.error instanceof ApiError && (
              <Typography.Text type="danger">{pick(replay.error.text)}</Typography.Text>
            )}
          </Space>
        </Space>
      )}
    </Modal>
  );
}
