/**
 * 企业详情 for an officer: who the firm is, its eligibility for every policy (evaluated once per
 * page view, each kept as a decision record), its profile by fiscal year with the source of each
 * value, the history of every fact, 修正数据 — a correction with a reason — and what the firm declared
 * that waits on verification (待核实的企业申报, where the inbox leads). A firm outside the
 * officer's region is refused by the API, and the page says so (403).
 */
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Skeleton, Space, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { api, ApiError } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { formatDate } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { QueryError } from '../../layout/ErrorPage.tsx';
import { listLink, usePolicies, type FactEntry } from '../../components/console/data.ts';
import { SIZE_POLICY, tierByPolicy, TIERS, useConsoleLabels } from '../../components/console/labels.ts';
import { TierTags } from '../../components/console/TierTags.tsx';
import { useFactCatalog, type Profile } from '../../components/evaluation/index.ts';
import { ProfileView } from '../../components/profile/index.ts';
import { Decisions, type MadeDecision } from './detail/Decisions.tsx';
import { DeclaredFacts } from './detail/DeclaredFacts.tsx';
import { Eligibility, type FirmEvaluation } from './detail/Eligibility.tsx';
import { FactHistory } from './detail/FactHistory.tsx';

interface Firm extends Profile {
  uscc: string;
  name: string | null;
  regionCode?: string;
  regionName: string | null;
  industryCode?: string;
  sizeClass: string | null;
  tags: string[];
  updatedAt: string;
}

/** Each page view evaluates afresh: its own number keeps its answers apart from an earlier view's. */
let views = 0;

/** Size class first, then the tiers from the lowest up, then the other policies. */
const policyOrder = (id: string) => {
  if (id === SIZE_POLICY) return -1;
  const tier = tierByPolicy(id);
  return tier ? TIERS.indexOf(tier) : TIERS.length;
};

export default function EnterpriseDetail() {
  const { uscc = '' } = useParams();
  const back = (useLocation().state as { back?: string } | null)?.back ?? listLink({});
  const { t } = useI18n();
  const me = useMe().data;
  const qc = useQueryClient();
  const { sizeName, sectionName } = useConsoleLabels();
  const [view] = useState(() => ++views);
  const [round, setRound] = useState(0);
  const [made, setMade] = useState<MadeDecision[]>([]);
  const [tab, setTab] = useState('eligibility');

  const firm = useQuery({
    queryKey: ['console', 'firm', uscc],
    queryFn: () => api<Firm>(`/api/v1/enterprises/${encodeURIComponent(uscc)}`),
  });
  const history = useQuery({
    queryKey: ['console', 'facts', uscc],
    queryFn: async () =>
      (await api<{ items: FactEntry[] }>(`/api/v1/enterprises/${encodeURIComponent(uscc)}/facts`)).items,
    enabled: firm.isSuccess,
  });
  const catalog = useFactCatalog().data;
  const policies = usePolicies().data;
  const ordered = useMemo(
    () => [...(policies ?? [])].sort((a, b) => policyOrder(a.id) - policyOrder(b.id) || a.id.localeCompare(b.id)),
    [policies],
  );
  const results = useQueries({
    queries: ordered.map((p) => ({
      queryKey: ['console', 'firm-evaluation', uscc, view, round, p.id],
      queryFn: async () => {
        const e = await api<FirmEvaluation>(
          `/api/v1/enterprises/${encodeURIComponent(uscc)}/evaluate?policy=${encodeURIComponent(p.id)}`,
          { method: 'POST' },
        );
        setMade((m) => [
          ...m,
          { id: e.decisionId, policyId: e.policy, verdict: e.verdict, asOf: e.asOf, at: new Date().toISOString() },
        ]);
        return e;
      },
      enabled: firm.isSuccess,
      staleTime: Infinity,
      gcTime: 10 * 60_000,
      retry: false,
    })),
  });

  // The profile contract alone (the listing columns left out), the same object until the firm changes.
  const profile = useMemo<Profile>(() => {
    if (!firm.data) return {};
    const { regionName: _r, sizeClass: _s, tags: _t, updatedAt: _u, ...rest } = firm.data;
    return rest;
  }, [firm.data]);

  if (firm.isError)
    return (
      <QueryError error={firm.error} onRetry={firm.error instanceof ApiError ? undefined : () => void firm.refetch()} />
    );
  if (!firm.data) return <Skeleton active paragraph={{ rows: 10 }} />;

  const f = firm.data;
  const mayCorrect = me?.role === 'reviewer' || me?.role === 'admin';
  const corrected = () => {
    setRound((r) => r + 1);
    void qc.invalidateQueries({ queryKey: ['console', 'firm', uscc] });
    void qc.invalidateQueries({ queryKey: ['console', 'facts', uscc] });
    void qc.invalidateQueries({ queryKey: ['console', 'enterprises'] });
    void qc.invalidateQueries({ queryKey: ['console', 'stats'] });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to={back}>
        <ArrowLeftOutlined aria-hidden /> {t('console.detail.back')}
      </Link>
      <Card>
        <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: 12 }}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="firm-name">
            {f.name ?? f.uscc}
          </Typography.Title>
          {mayCorrect && (
            <Button
              type="primary"
              icon={<EditOutlined aria-hidden />}
              // Every value of the profile tab carries its own correction button (a reason is required).
              onClick={() => setTab('profile')}
              data-testid="correct-facts-button"
            >
              {t('console.correct.button')}
            </Button>
          )}
        </div>
        <Descriptions
          size="small"
          style={{ marginTop: 12 }}
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            {
              key: 'uscc',
              label: t('console.col.uscc'),
              children: (
                <Typography.Text code copyable>
                  {f.uscc}
                </Typography.Text>
              ),
            },
            {
              key: 'region',
              label: t('console.col.region'),
              children: f.regionCode ? (
                <Link to={listLink({ region: f.regionCode })}>{f.regionName ?? f.regionCode}</Link>
              ) : (
                '—'
              ),
            },
            {
              key: 'industry',
              label: t('console.col.industry'),
              children: f.industryCode ? `${f.industryCode} ${sectionName(f.industryCode.slice(0, 1))}` : '—',
            },
            { key: 'size', label: t('console.col.size'), children: sizeName(f.sizeClass) },
            { key: 'updated', label: t('console.detail.updated'), children: formatDate(f.updatedAt) },
            { key: 'tags', label: t('console.col.tags'), children: <TierTags tags={f.tags} short={false} /> },
          ]}
        />
      </Card>
      {mayCorrect && <DeclaredFacts uscc={f.uscc} onVerified={corrected} />}
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'eligibility',
              label: t('console.detail.eligibility'),
              children: <Eligibility policies={ordered} results={results} profile={profile} />,
            },
            {
              key: 'profile',
              label: t('console.detail.profile'),
              children: (
                <div data-testid="profile-view">
                  <ProfileView uscc={f.uscc} mode="override" editable={mayCorrect} onSaved={corrected} />
                </div>
              ),
            },
            {
              key: 'history',
              label: t('console.detail.history'),
              children: history.data ? (
                <FactHistory entries={history.data} catalog={catalog} />
              ) : history.isError ? (
                <QueryError error={history.error} />
              ) : (
                <Skeleton active />
              ),
            },
            {
              key: 'decisions',
              label: t('console.detail.decisions'),
              children: <Decisions uscc={f.uscc} made={made} />,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
