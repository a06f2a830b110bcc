/**
 * 审核工作台: one application as the reviewer decides it — who and what (header), the live
 * evaluation criterion by criterion with the evidence beside it by the fact each file backs, a
 * warning when the result moved since the firm submitted, the moves open to the caller, objections
 * from the notice, the title once granted, and the history of every step.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Row, Skeleton, Space } from 'antd';
import { Link, useLocation, useParams } from 'react-router';
import { useMe } from '../../../auth.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { QueryError } from '../../../layout/ErrorPage.tsx';
import { EvaluationView } from '../../../components/evaluation/index.ts';
import { ApplicationHistory, useApplication, type Level } from '../../../components/recognition/index.ts';
import { EvaluationDrift } from './EvaluationDrift.tsx';
import { EvidenceByClaim } from './EvidenceByClaim.tsx';
import { ObjectionList } from './Objections.tsx';
import { ReviewActions } from './ReviewActions.tsx';
import { ReviewHeader } from './ReviewHeader.tsx';
import { TitleCard } from './TitleCard.tsx';

/** States in which a spot check may still be recorded. */
const CHECKABLE = new Set(['in_review', 'approved', 'in_notice']);

export default function ReviewPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const back = (useLocation().state as { back?: string } | null)?.back ?? '/console/applications';
  const me = useMe().data;
  const query = useApplication(Number(id));
  if (query.isError && !query.data) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  const app = query.data;
  const levels = app.batch.levels;
  const reviewer = me?.role === 'reviewer' ? (me.level as Level) : null;
  const decider = reviewer !== null && reviewer === levels[levels.length - 1];
  const live = app.evaluation;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="review-page">
      <Link to={back}>
        <ArrowLeftOutlined aria-hidden /> {t('review.page.back')}
      </Link>
      <ReviewHeader app={app} />
      {live && app.submittedEvaluation && <EvaluationDrift live={live} submitted={app.submittedEvaluation} />}
      <ReviewActions
        app={app}
        evaluation={live}
        canSpotCheck={reviewer !== null && levels.includes(reviewer) && CHECKABLE.has(app.status)}
      />
      {app.objections.length > 0 && (
        <Card title={t('review.objection.heading', { n: app.objections.length })} data-testid="objections">
          <ObjectionList objections={app.objections} canResolve={decider} />
        </Card>
      )}
      {app.title && <TitleCard titleId={app.title.id} mayRevoke={decider && app.status === 'certified'} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title={t('review.page.live')} data-testid="live-evaluation">
            {live ? (
              <EvaluationView evaluation={live} level={4} />
            ) : (
              <Alert type="info" showIcon title={t('review.page.noEvaluation')} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <EvidenceByClaim uscc={app.uscc} evidence={app.evidence} />
        </Col>
      </Row>
      <Card title={t('app.history')}>
        <ApplicationHistory events={app.events} />
      </Card>
    </Space>
  );
}
