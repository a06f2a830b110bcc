/**
 * One of the firm's applications (/applications/:id): where it stands, the evaluation it rests on,
 * the evidence per claim, the pledge and the moves the firm may make, and its history. On a wide
 * screen the moves and the history sit beside the evaluation and the files; on a phone below them.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Col, Row, Skeleton, Space } from 'antd';
import { Link, useParams } from 'react-router';
import { ApplicationHistory, useApplication } from '../../components/recognition/index.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorPage, QueryError } from '../../layout/ErrorPage.tsx';
import { ActionsCard } from './ActionsCard.tsx';
import { ApplicationHeader } from './ApplicationHeader.tsx';
import { EvaluationSection } from './EvaluationSection.tsx';
import { EvidenceSection } from './EvidenceSection.tsx';
import { useLiveEvaluation } from './liveEvaluation.ts';

export default function ApplicationPage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <ErrorPage kind="404" />;
  return <Application id={id} />;
}

function Application({ id }: { id: number }) {
  const { t } = useI18n();
  const query = useApplication(id);
  const app = query.data;
  const current = useLiveEvaluation(app, query);
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="application-page">
      <Link to="/applications">
        <ArrowLeftOutlined aria-hidden /> {t('apply.back')}
      </Link>
      {!app ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : (
        <>
          <ApplicationHeader app={app} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={15}>
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                <EvaluationSection app={app} current={current} />
                <EvidenceSection app={app} />
              </Space>
            </Col>
            <Col xs={24} xl={9}>
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                <ActionsCard app={app} evaluation={current.evaluation} />
                <Card title={t('app.history')}>
                  <ApplicationHistory events={app.events} />
                </Card>
              </Space>
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}
