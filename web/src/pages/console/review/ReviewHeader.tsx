/**
 * Who applied for what, and where the application stands: the firm, its code and region, the
 * batch and tier, the edition and 评价基准日 that fix the standard, the status, the level it waits
 * for with its deadline, and the version every move names.
 */
import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../../../format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { useConsoleLabels } from '../../../components/console/labels.ts';
import { ApplicationStatusTag, DueTag, type ApplicationDetail } from '../../../components/recognition/index.ts';
import { LevelChain } from './Tags.tsx';

export function ReviewHeader({ app }: { app: ApplicationDetail }) {
  const { t } = useI18n();
  const { policyName } = useConsoleLabels();
  const edition = app.evaluation?.edition ?? app.submittedEvaluation?.edition;
  return (
    <Card>
      <Space wrap align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="firm-name">
          {app.currentName ?? app.firmName ?? app.uscc}
        </Typography.Title>
        <ApplicationStatusTag status={app.status} />
        {app.level && (
          <Tag data-testid="review-level">{t('app.levelReview', { level: t(`app.level.${app.level}`) })}</Tag>
        )}
        <DueTag due={app.dueOn} overdue={app.overdue} />
      </Space>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          {
            key: 'uscc',
            label: t('console.col.uscc'),
            children: (
              <Link to={`/console/enterprises/${app.uscc}`}>
                <Typography.Text code>{app.uscc}</Typography.Text>
              </Link>
            ),
          },
          { key: 'region', label: t('console.col.region'), children: app.regionName ?? app.regionCode },
          {
            key: 'batch',
            label: t('review.col.batch'),
            children: <Link to={`/console/batches?batch=${app.batch.id}`}>{app.batch.title}</Link>,
          },
          {
            key: 'tier',
            label: t('review.col.tier'),
            children: `${policyName(app.batch.policyId)} · ${t(`app.kind.${app.kind}`)}`,
          },
          {
            key: 'edition',
            label: t('review.header.edition'),
            children: t('review.header.editionValue', { edition: edition ?? '—', date: app.batch.asOf }),
          },
          {
            key: 'levels',
            label: t('review.col.levels'),
            children: <LevelChain levels={app.batch.levels} current={app.level} />,
          },
          { key: 'submitted', label: t('review.header.submitted'), children: formatDate(app.submittedAt) },
          {
            key: 'pledge',
            label: t('review.header.pledge'),
            children: app.pledge ? t('review.header.pledgeValue', { signer: app.pledge.signer }) : '—',
          },
          {
            key: 'version',
            label: t('review.header.version'),
            children: <span data-testid="app-version">{t('app.version', { n: app.version })}</span>,
          },
        ]}
      />
      {app.note && (app.status === 'returned' || app.status === 'rejected') && (
        <Alert
          style={{ marginTop: 12 }}
          type={app.status === 'rejected' ? 'error' : 'warning'}
          showIcon
          title={t(app.status === 'rejected' ? 'review.header.rejectNote' : 'review.header.returnNote')}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{app.note}</span>}
        />
      )}
    </Card>
  );
}
