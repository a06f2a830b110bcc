/** The calculator's result: per chosen policy the full explanation (with gaps) and a what-if panel. */
import { Alert, Card, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { EvaluationView, useEvaluation, WhatIfPanel, type Profile } from '../../components/evaluation/index.ts';
import { useI18n } from '../../i18n/index.tsx';
import { QueryError } from '../../layout/ErrorPage.tsx';
import { ApiError } from '../../api.ts';

function PolicyResult({ policyId, profile, asOf }: { policyId: string; profile: Profile; asOf: string | null }) {
  const { t, pick } = useI18n();
  const quick = useEvaluation(policyId, profile, { asOf, gaps: false });
  const full = useEvaluation(policyId, profile, { asOf, gaps: true });
  const error = full.error ?? quick.error;
  const ev = full.data && !full.isPlaceholderData ? full.data : (quick.data ?? full.data);
  if (error && !ev) {
    if (error instanceof ApiError && error.status !== 404)
      return <Alert type="error" showIcon title={pick(error.text)} />;
    return <QueryError error={error} onRetry={() => void full.refetch()} />;
  }
  return (
    <Card className="hq-result-card" data-testid={`result-${policyId}`}>
      {ev ? (
        <EvaluationView
          evaluation={ev}
          gapsLoading={!full.data || full.isPlaceholderData}
          level={3}
          extra={
            <Link to={`/policies/${policyId}`} className="hq-noprint">
              {t('calculator.result.openPolicy')}
            </Link>
          }
        />
      ) : (
        <Skeleton active />
      )}
      <div className="hq-noprint" style={{ marginTop: 24 }}>
        <Typography.Title level={4}>{t('evaluation.whatIf')}</Typography.Title>
        <WhatIfPanel policyId={policyId} profile={profile} asOf={asOf} />
      </div>
    </Card>
  );
}

export function ResultView({ policies, profile, asOf }: { policies: string[]; profile: Profile; asOf: string | null }) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      {policies.map((id) => (
        <PolicyResult key={id} policyId={id} profile={profile} asOf={asOf} />
      ))}
    </div>
  );
}
