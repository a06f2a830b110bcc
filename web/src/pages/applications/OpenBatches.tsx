/**
 * 可申报批次: the batches open today whose region holds the firm's, each with its tier, window,
 * evaluation date, edition and review levels. 申报 creates the draft and opens it; a batch the firm
 * has already applied to (one application a batch) links to that application instead.
 */
import { Alert, Button, Card, Col, Descriptions, Empty, Row, Skeleton, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { ApiError, NetworkError } from '../../api.ts';
import { useEnterprise } from '../../components/profile/index.ts';
import {
  useBatches,
  useWorkflowAction,
  type ApplicationSummary,
  type Batch,
} from '../../components/recognition/index.ts';
import { useI18n } from '../../i18n/index.tsx';
import { QueryError } from '../../layout/ErrorPage.tsx';
import { tierOfPolicy } from '../register/tiers.ts';

export function OpenBatches({ uscc, applied }: { uscc: string; applied: Map<number, ApplicationSummary> }) {
  const { t } = useI18n();
  const firm = useEnterprise(uscc);
  const region = firm.data?.regionCode;
  return (
    <Card title={t('apply.batches.title')} data-testid="open-batches">
      {firm.error ? (
        <QueryError error={firm.error} onRetry={() => void firm.refetch()} />
      ) : !firm.data ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : !region ? (
        <Alert
          type="warning"
          showIcon
          title={t('apply.batches.noRegion')}
          description={<Link to="/portal">{t('apply.toPortal')}</Link>}
        />
      ) : (
        <BatchCards region={region} applied={applied} />
      )}
    </Card>
  );
}

function BatchCards({ region, applied }: { region: string; applied: Map<number, ApplicationSummary> }) {
  const { t } = useI18n();
  const batches = useBatches({ open: true, region });
  if (batches.error) return <QueryError error={batches.error} onRetry={() => void batches.refetch()} />;
  if (!batches.data) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (batches.data.length === 0) return <Empty description={t('apply.batches.empty')} />;
  return (
    <Row gutter={[16, 16]}>
      {batches.data.map((b) => (
        <Col key={b.id} xs={24} lg={12}>
          <BatchCard batch={b} application={applied.get(b.id)} />
        </Col>
      ))}
    </Row>
  );
}

function BatchCard({ batch, application }: { batch: Batch; application: ApplicationSummary | undefined }) {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const apply = useWorkflowAction<undefined, ApplicationSummary>(`/api/v1/batches/${batch.id}/applications`);
  const error = apply.error;
  return (
    <Card
      size="small"
      data-testid={`batch-${batch.id}`}
      style={{ height: '100%' }}
      title={<span style={{ whiteSpace: 'normal' }}>{batch.title}</span>}
    >
      <Tag color="blue" style={{ marginBottom: 8 }}>
        {tierOfPolicy(batch.policyId, t)}
      </Tag>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'window',
            label: t('apply.batch.window'),
            children: t('apply.range', { from: batch.opensOn, to: batch.closesOn }),
          },
          { key: 'asOf', label: t('apply.batch.asOf'), children: batch.asOf },
          {
            key: 'edition',
            label: t('apply.batch.edition'),
            children: `${pick(batch.policyTitle)} · ${t('apply.edition', { edition: batch.edition })}`,
          },
          { key: 'region', label: t('apply.batch.region'), children: batch.regionName ?? batch.regionCode },
          {
            key: 'levels',
            label: t('apply.batch.levels'),
            children: batch.levels.map((l) => t(`app.level.${l}`)).join(' → '),
          },
        ]}
      />
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ margin: '8px 0' }}
          title={
            error instanceof ApiError
              ? pick(error.text)
              : error instanceof NetworkError
                ? t('error.network.text')
                : String(error)
          }
          description={
            error instanceof ApiError ? error.details.map((d) => d.message).join('；') || undefined : undefined
          }
        />
      )}
      <div style={{ marginTop: 8 }}>
        {application ? (
          <Link to={`/applications/${application.id}`} data-testid={`open-application-${batch.id}`}>
            {t('apply.batch.applied')}
          </Link>
        ) : (
          <Button
            type="primary"
            loading={apply.isPending}
            data-testid={`apply-${batch.id}`}
            aria-label={t('apply.batch.applyAria', { title: batch.title })}
            onClick={() => apply.mutate(undefined, { onSuccess: (a) => void navigate(`/applications/${a.id}`) })}
          >
            {t('apply.batch.apply')}
          </Button>
        )}
      </div>
    </Card>
  );
}
