/**
 * What the application is and where it stands: the batch and tier, the status, kind and version,
 * the due date, the way through the levels; a return for correction with the reviewer's note, a
 * rejection with its reason, and — once certified — the title granted.
 */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Grid, Space, Steps, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import {
  ApplicationStatusTag,
  DueTag,
  TitleStateTag,
  type ApplicationDetail,
} from '../../components/recognition/index.ts';
import { formatDate } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { tierOfPolicy } from '../register/tiers.ts';
import { formatTime } from '../../components/profile/Source.tsx';

export function ApplicationHeader({ app }: { app: ApplicationDetail }) {
  const { t } = useI18n();
  const { batch } = app;
  const levelName = app.level ? t('app.levelReview', { level: t(`app.level.${app.level}`) }) : null;
  return (
    <Card data-testid="application-header" data-status={app.status}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <div>
          <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 8 }}>
            {batch.title}
          </Typography.Title>
          <Space size={[8, 8]} wrap>
            <ApplicationStatusTag status={app.status} />
            <Tag>{t(`app.kind.${app.kind}`)}</Tag>
            <DueTag due={app.dueOn} overdue={app.overdue} />
          </Space>
        </div>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'tier', label: t('apply.header.tier'), children: tierOfPolicy(batch.policyId, t) },
            {
              key: 'window',
              label: t('apply.header.window'),
              children: t('apply.range', { from: batch.opensOn, to: batch.closesOn }),
            },
            { key: 'asOf', label: t('apply.header.asOf'), children: batch.asOf },
            ...(levelName ? [{ key: 'level', label: t('apply.header.level'), children: levelName }] : []),
            {
              key: 'version',
              label: t('apply.header.version'),
              children: <span data-testid="application-version">{t('app.version', { n: app.version })}</span>,
            },
            ...(app.submittedAt
              ? [{ key: 'submitted', label: t('apply.header.submittedAt'), children: formatTime(app.submittedAt) }]
              : []),
          ]}
        />
        <Progress app={app} />
        <Outcome app={app} levelName={levelName ?? ''} />
      </Space>
    </Card>
  );
}

/**
 * 填报 → each level's review → 公示 → 认定, with the application's place on it. Left out on a
 * phone, where six steps would take a screen: the status and the current level say it there.
 */
function Progress({ app }: { app: ApplicationDetail }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const levels = app.batch.levels;
  if (!screens.md) return null;
  const current =
    app.status === 'draft'
      ? 0
      : app.status === 'approved' || app.status === 'in_notice'
        ? levels.length + 1
        : app.status === 'certified'
          ? levels.length + 2
          : app.step + 1;
  const status =
    app.status === 'rejected' || app.status === 'withdrawn'
      ? 'error'
      : app.status === 'certified'
        ? 'finish'
        : 'process';
  return (
    <Steps
      size="small"
      current={app.status === 'withdrawn' && !app.submittedAt ? 0 : current}
      status={status}
      items={[
        { title: t('apply.steps.fill') },
        ...levels.map((l) => ({ title: t('app.levelReview', { level: t(`app.level.${l}`) }) })),
        { title: t('apply.steps.notice') },
        { title: t('apply.steps.certified') },
      ]}
    />
  );
}

function Outcome({ app, levelName }: { app: ApplicationDetail; levelName: string }) {
  const { t } = useI18n();
  if (app.status === 'returned')
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="returned-note"
        title={
          app.dueOn
            ? t(app.overdue ? 'apply.returned.overdue' : 'apply.returned.title', { level: levelName, date: app.dueOn })
            : t('app.status.returned')
        }
        description={
          <>
            {app.note && (
              <Typography.Paragraph strong style={{ marginBottom: 8, whiteSpace: 'pre-wrap' }}>
                {t('apply.returned.note')}：{app.note}
              </Typography.Paragraph>
            )}
            <Typography.Text>
              {t('apply.returned.how')} <Link to="/portal">{t('apply.toPortal')}</Link>
            </Typography.Text>
          </>
        }
      />
    );
  if (app.status === 'rejected')
    return (
      <Alert
        type="error"
        showIcon
        data-testid="rejected-note"
        title={t('apply.rejected.title')}
        description={app.note ? t('apply.rejected.note', { note: app.note }) : undefined}
      />
    );
  if (app.status !== 'certified' || !app.title) return null;
  const title = app.title;
  return (
    <Alert
      type="success"
      showIcon
      icon={<SafetyCertificateOutlined aria-hidden />}
      data-testid="application-title"
      title={t('apply.certified.title')}
      description={
        <Space orientation="vertical" size={4}>
          <span>
            {t('title.certificateNo')}：<Typography.Text strong>{title.certificateNo}</Typography.Text>{' '}
            {title.state && <TitleStateTag state={title.state} />}
          </span>
          <span>{t('title.validity', { from: formatDate(title.validFrom), to: formatDate(title.validTo) })}</span>
          <Link to={`/register/${title.id}`} data-testid="title-link">
            {t('apply.certified.view')}
          </Link>
        </Space>
      }
    />
  );
}
