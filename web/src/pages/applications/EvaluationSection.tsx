/**
 * The evaluation behind the application: the current one in full, the one frozen at submission
 * beside it (verdict, edition, evaluation date), and — while the current one would not let it be
 * submitted — what is unmet or missing, with the way to the profile where it is filled in.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Skeleton, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { ApiError } from '../../api.ts';
import {
  EvaluationView,
  VerdictTag,
  labelOfPath,
  useFactCatalog,
  verdictLabel,
  type EvaluationData,
} from '../../components/evaluation/index.ts';
import type { ApplicationDetail } from '../../components/recognition/index.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { useLiveEvaluation } from './liveEvaluation.ts';
import { MissingFacts } from './MissingFacts.tsx';

type Live = ReturnType<typeof useLiveEvaluation>;

export function EvaluationSection({ app, current }: { app: ApplicationDetail; current: Live }) {
  const { t, pick } = useI18n();
  const { evaluation, query } = current;
  const frozen = app.submittedEvaluation;
  return (
    <Card
      title={t('apply.eval.title')}
      data-testid="application-evaluation"
      extra={
        current.live && (
          <Button
            size="small"
            icon={<ReloadOutlined aria-hidden />}
            loading={query.isFetching}
            onClick={() => void query.refetch()}
          >
            {t('apply.eval.refresh')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Row gutter={[16, 12]}>
          <Col xs={24} md={12} data-testid="current-evaluation">
            <Summary
              label={t('apply.eval.current')}
              evaluation={evaluation}
              testId="live-verdict"
              note={current.live ? t('apply.eval.live', { date: app.batch.asOf }) : t('apply.eval.review')}
            />
          </Col>
          <Col xs={24} md={12} data-testid="submitted-evaluation">
            <Summary
              label={t('apply.eval.submitted')}
              evaluation={frozen ?? undefined}
              testId="submitted-verdict"
              note={
                frozen
                  ? t('apply.eval.submittedLine', { edition: frozen.edition, asOf: frozen.asOf })
                  : t('apply.eval.notSubmitted')
              }
            />
          </Col>
        </Row>
        {current.live && evaluation && evaluation.verdict !== 'qualified' && <Gaps evaluation={evaluation} />}
        {current.live && evaluation && (
          <MissingFacts uscc={app.uscc} missing={evaluation.missing} onSaved={() => void query.refetch()} />
        )}
        {evaluation ? (
          <EvaluationView evaluation={evaluation} level={5} />
        ) : query.isError ? (
          <Alert
            type="error"
            showIcon
            title={query.error instanceof ApiError ? pick(query.error.text) : String(query.error)}
          />
        ) : (
          <Skeleton active paragraph={{ rows: 6 }} />
        )}
      </Space>
    </Card>
  );
}

/** One evaluation in a line: which it is, its verdict, and what it was computed on. */
function Summary({
  label,
  evaluation,
  testId,
  note,
}: {
  label: string;
  evaluation: EvaluationData | undefined;
  testId: string;
  note: string;
}) {
  return (
    <>
      <Space size={8} wrap>
        <Typography.Text strong>{label}</Typography.Text>
        {evaluation && <VerdictTag verdict={evaluation.verdict} testId={testId} />}
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 13 }}>
        {note}
      </Typography.Paragraph>
    </>
  );
}

/** What stands between the firm and submitting, named, with the way to fix it. */
function Gaps({ evaluation }: { evaluation: EvaluationData }) {
  const { t, pick, lang } = useI18n();
  const catalog = useFactCatalog().data;
  const sep = lang === 'zh' ? '、' : ', ';
  const unmet = evaluation.criteria.filter((c) => c.depth === 0 && c.status !== 'met');
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="application-gaps"
      title={t('apply.gaps.title', { verdict: verdictLabel(evaluation.verdict, t) })}
      description={
        <>
          {unmet.length > 0 && (
            <div>
              {t('apply.gaps.unmet')}
              {unmet.map((c) => pick(c.title)).join(sep)}
            </div>
          )}
          {evaluation.missing.length > 0 && (
            <div>
              {t('apply.gaps.missing')}
              {evaluation.missing.map((m) => pick(labelOfPath(catalog, m))).join(sep)}
            </div>
          )}
          <div>
            {t('apply.gaps.hint')} <Link to="/portal">{t('apply.toPortal')}</Link>
          </div>
        </>
      }
    />
  );
}
