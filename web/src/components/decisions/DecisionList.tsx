/**
 * A firm's decision records, newest first, for the firm itself (portal) and for an officer (console).
 * Each can be read in full and replayed — the stored input evaluated again with the same policy
 * version and as-of date — to show the result is reproduced.
 */
import { CheckCircleFilled, EyeOutlined, ReloadOutlined, WarningFilled } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { api } from '../../api.ts';
import { EvaluationView, VerdictTag, enumLabel, type EvaluationData, type Verdict } from '../evaluation/index.ts';
import { formatTime } from '../profile/Source.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { QueryError } from '../../layout/ErrorPage.tsx';

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

interface Decision extends Omit<DecisionSummary, 'outcome' | 'score'> {
  uscc: string | null;
  regionCode: string | null;
  policyHash: string;
  input: unknown;
  result: EvaluationData;
}

type Replay = { state: 'pending' } | { state: 'done'; identical: boolean } | { state: 'failed'; message: string };

export interface DecisionListProps {
  uscc: string;
  /** A policy's name as the page calls it (a tier, a title). */
  policyName: (id: string) => string;
  /** A line above the list. */
  intro: ReactNode;
  /** Records to mark, e.g. those this page view made, with the mark's word. */
  marked?: { ids: ReadonlySet<number>; label: string };
  /** Show who recorded each decision: the column's title and how to render the actor. */
  actor?: { title: string; render: (actor: string) => ReactNode };
  /** Changes when new records were made, to read the list again. */
  version?: number;
  pageSize?: number;
  'data-testid'?: string;
}

/** Replays a decision, remembering each answer by decision id. */
function useReplays() {
  const { pick } = useI18n();
  const [replays, setReplays] = useState<Record<number, Replay>>({});
  const replay = async (id: number) => {
    setReplays((r) => ({ ...r, [id]: { state: 'pending' } }));
    try {
      const r = await api<{ identical: boolean }>(`/api/v1/decisions/${id}/replay`, { method: 'POST' });
      setReplays((x) => ({ ...x, [id]: { state: 'done', identical: r.identical } }));
    } catch (e) {
      const text = (e as { text?: { zh: string; en: string } }).text;
      setReplays((x) => ({ ...x, [id]: { state: 'failed', message: text ? pick(text) : String(e) } }));
    }
  };
  return { replays, replay };
}

function ReplayResult({ testId, replay }: { testId: string; replay: Replay | undefined }) {
  const { t } = useI18n();
  if (!replay || replay.state === 'pending') return null;
  if (replay.state === 'failed')
    return (
      <Typography.Text type="danger" data-testid={testId}>
        {replay.message}
      </Typography.Text>
    );
  return replay.identical ? (
    <Tag color="success" icon={<CheckCircleFilled aria-hidden />} data-testid={testId} data-identical="true">
      {t('portal.decisions.identical')}
    </Tag>
  ) : (
    <Tag color="error" icon={<WarningFilled aria-hidden />} data-testid={testId} data-identical="false">
      {t('portal.decisions.different')}
    </Tag>
  );
}

export function DecisionList({
  uscc,
  policyName,
  intro,
  marked,
  actor,
  version = 0,
  pageSize = 10,
  'data-testid': testId = 'decisions-list',
}: DecisionListProps) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [viewing, setViewing] = useState<number | null>(null);
  const { replays, replay } = useReplays();
  const list = useQuery({
    queryKey: ['decisions', uscc, page, pageSize, version],
    queryFn: () =>
      api<{ items: DecisionSummary[]; total: number }>(
        `/api/v1/enterprises/${encodeURIComponent(uscc)}/decisions?page=${page}&pageSize=${pageSize}`,
      ),
    placeholderData: keepPreviousData,
  });
  if (list.error) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <>
      <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
      <Table<DecisionSummary>
        size="small"
        rowKey="id"
        loading={list.isFetching && !list.data}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid={testId}
        locale={{ emptyText: t('portal.decisions.empty') }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (n) => t('portal.decisions.total', { n }),
        }}
        columns={[
          {
            key: 'id',
            title: t('portal.decisions.id'),
            render: (_, d) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                #{d.id}
                {marked?.ids.has(d.id) && (
                  <Tag color="blue" style={{ marginInlineStart: 6 }}>
                    {marked.label}
                  </Tag>
                )}
              </span>
            ),
          },
          { key: 'time', title: t('portal.decisions.time'), render: (_, d) => formatTime(d.createdAt) },
          { key: 'policy', title: t('portal.decisions.policy'), render: (_, d) => policyName(d.policyId) },
          { key: 'edition', title: t('portal.decisions.edition'), dataIndex: 'edition' },
          { key: 'asOf', title: t('portal.decisions.asOf'), dataIndex: 'asOf' },
          {
            key: 'verdict',
            title: t('portal.decisions.verdict'),
            render: (_, d) => (
              <Space size={4} wrap>
                <VerdictTag verdict={d.verdict} />
                {d.outcome !== null && <Tag color="blue">{enumLabel(String(d.outcome), t)}</Tag>}
              </Space>
            ),
          },
          {
            key: 'score',
            title: t('portal.decisions.score'),
            render: (_, d) => (d.score === null ? '—' : d.score),
          },
          ...(actor
            ? [{ key: 'actor', title: actor.title, render: (_: unknown, d: DecisionSummary) => actor.render(d.actor) }]
            : []),
          {
            key: 'actions',
            title: t('portal.decisions.actions'),
            render: (_, d) => (
              <Space size={4} wrap>
                <Button
                  size="small"
                  icon={<EyeOutlined aria-hidden />}
                  onClick={() => setViewing(d.id)}
                  data-testid={`decision-view-${d.id}`}
                  aria-label={t('portal.decisions.viewAria', { id: d.id })}
                >
                  {t('portal.decisions.view')}
                </Button>
                <Button
                  size="small"
                  icon={<ReloadOutlined aria-hidden />}
                  loading={replays[d.id]?.state === 'pending'}
                  onClick={() => void replay(d.id)}
                  data-testid={`decision-replay-${d.id}`}
                  aria-label={t('portal.decisions.replayAria', { id: d.id })}
                >
                  {t('portal.decisions.replay')}
                </Button>
                <ReplayResult testId={`replay-result-${d.id}`} replay={replays[d.id]} />
              </Space>
            ),
          },
        ]}
      />
      <Drawer
        open={viewing !== null}
        onClose={() => setViewing(null)}
        title={viewing !== null ? t('portal.decisions.title', { id: viewing }) : ''}
        size="min(960px, 100vw)"
        destroyOnHidden
      >
        {viewing !== null && (
          <DecisionDetail
            id={viewing}
            replay={replays[viewing]}
            onReplay={() => void replay(viewing)}
            name={policyName}
            actor={actor}
          />
        )}
      </Drawer>
    </>
  );
}

function DecisionDetail({
  id,
  replay,
  onReplay,
  name,
  actor,
}: {
  id: number;
  replay: Replay | undefined;
  onReplay: () => void;
  name: (policy: string) => string;
  actor: DecisionListProps['actor'];
}) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['portal', 'decision', id],
    queryFn: () => api<Decision>(`/api/v1/decisions/${id}`),
    staleTime: Infinity,
  });
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  if (!d) return <Skeleton active />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="decision-detail">
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'id', label: t('portal.decisions.id'), children: `#${d.id}` },
          { key: 'policy', label: t('portal.decisions.policy'), children: name(d.policyId) },
          { key: 'edition', label: t('portal.decisions.edition'), children: d.edition },
          { key: 'asOf', label: t('portal.decisions.asOf'), children: d.asOf },
          { key: 'time', label: t('portal.decisions.time'), children: formatTime(d.createdAt) },
          { key: 'purpose', label: t('portal.decisions.purpose'), children: d.purpose },
          ...(actor ? [{ key: 'actor', label: actor.title, children: actor.render(d.actor) }] : []),
          {
            key: 'hash',
            label: t('portal.decisions.hash'),
            span: 'filled',
            children: (
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {d.policyHash}
              </Typography.Text>
            ),
          },
        ]}
      />
      <Space wrap>
        <Button
          icon={<ReloadOutlined aria-hidden />}
          loading={replay?.state === 'pending'}
          onClick={onReplay}
          data-testid="decision-detail-replay"
        >
          {t('portal.decisions.replay')}
        </Button>
        <ReplayResult testId="decision-detail-replay-result" replay={replay} />
      </Space>
      {replay?.state === 'done' && (
        <Alert
          type={replay.identical ? 'success' : 'error'}
          showIcon
          title={replay.identical ? t('portal.decisions.identicalText') : t('portal.decisions.differentText')}
        />
      )}
      <EvaluationView evaluation={d.result} level={5} />
    </Space>
  );
}
