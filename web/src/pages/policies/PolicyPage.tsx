/**
 * A policy, readable: its title and issuer, for a reward its terms first (who, how much, how it is
 * paid, whom to call), every edition with its dates and legal source, the criteria in plain words,
 * the score items, the parameters with their references, and a button to check a firm against it
 * in the calculator (officers also reach the sandbox for a reward).
 */
import {
  CheckCircleOutlined,
  ExclamationCircleOutlined,
  ExperimentOutlined,
  QuestionCircleOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Col, Collapse, Descriptions, Grid, Row, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { NetworkError } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import {
  enumLabel,
  formatValue,
  localToday,
  usePolicies,
  usePolicy,
  type PolicyEditionDoc,
  type PolicyParameter,
} from '../../components/evaluation/index.ts';
import { formatDate } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { QueryError } from '../../layout/ErrorPage.tsx';
import { CriteriaTree } from './CriteriaTree.tsx';
import { editionOn, rewardOf } from '../../components/policies/reward.ts';
import { RewardTerms } from './RewardTerms.tsx';
import { SourceLink } from './SourceLink.tsx';
import { KindTag } from './Tags.tsx';

const today = localToday;

const styles = `
.hq-params { list-style: none; margin: 0; padding: 0; border: 1px solid #f0f0f0; border-radius: 8px; }
.hq-params > li { padding: 8px 12px; border-bottom: 1px solid #f0f0f0; }
.hq-params > li:last-child { border-bottom: none; }
`;

function ParameterValue({ p }: { p: PolicyParameter }) {
  const { t } = useI18n();
  if (p.bands)
    return (
      <span>
        {p.bands.map(([range, points]) => (
          <Tag key={range}>
            {range} → {points}
          </Tag>
        ))}
      </span>
    );
  if (p.tables)
    return (
      <span>
        {t('calculator.policy.parameter.tables')}：{Object.keys(p.tables).join('、')}
      </span>
    );
  if (p.list) return <span>{p.list.map((v) => (typeof v === 'string' ? enumLabel(v, t) : v)).join('、')}</span>;
  if (p.prefixes)
    return (
      <span>
        {t('calculator.policy.parameter.prefixes')}：{Object.keys(p.prefixes).length}
      </span>
    );
  if (p.value === null || p.value === undefined)
    return <Typography.Text type="warning">{t('calculator.policy.parameter.unpublished')}</Typography.Text>;
  return <span>{formatValue(p.value, p.unit ?? null, t)}</span>;
}

const STATUS_ICON = {
  confirmed: { icon: <CheckCircleOutlined aria-hidden />, color: 'success' },
  'single-source': { icon: <ExclamationCircleOutlined aria-hidden />, color: 'warning' },
  unverified: { icon: <QuestionCircleOutlined aria-hidden />, color: 'default' },
} as const;

function ParameterStatus({ p }: { p: PolicyParameter }) {
  const { t } = useI18n();
  return p.status ? (
    <Tag color={STATUS_ICON[p.status].color} icon={STATUS_ICON[p.status].icon}>
      {t(`calculator.policy.parameter.status.${p.status}`)}
    </Tag>
  ) : null;
}

function EditionDetail({ e }: { e: PolicyEditionDoc }) {
  const { t, pick } = useI18n();
  const narrow = !Grid.useBreakpoint().md;
  const titles = new Map((usePolicies().data ?? []).map((p) => [p.id, p.title]));
  const params = Object.entries(e.parameters ?? {});
  const categories = new Map((e.score?.categories ?? []).map((c) => [c.id, c.title]));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered layout={narrow ? 'vertical' : 'horizontal'}>
        <Descriptions.Item label={t('calculator.policy.document')}>{e.document}</Descriptions.Item>
        <Descriptions.Item label={t('calculator.policy.source')}>
          <SourceLink edition={e}>{e.source}</SourceLink>
        </Descriptions.Item>
        <Descriptions.Item label={t('calculator.policy.from')}>{formatDate(e.from)}</Descriptions.Item>
        <Descriptions.Item label={t('calculator.policy.to')}>
          {e.to ? formatDate(e.to) : t('calculator.policy.inForce')}
        </Descriptions.Item>
        {e.uses && Object.keys(e.uses).length > 0 && (
          <Descriptions.Item label={t('calculator.policy.uses')} span={2}>
            <Space wrap>
              {Object.values(e.uses).map((id) => (
                <Link key={id} to={`/policies/${id}`}>
                  {titles.get(id) ? pick(titles.get(id)!) : id}
                </Link>
              ))}
            </Space>
          </Descriptions.Item>
        )}
      </Descriptions>
      {e.criteria && e.criteria.length > 0 && (
        <section>
          <Typography.Title level={4}>{t('calculator.policy.criteria')}</Typography.Title>
          <CriteriaTree criteria={e.criteria} top />
        </section>
      )}
      {e.score && e.score.items.length > 0 && (
        <section>
          <Typography.Title level={4}>{t('calculator.policy.score')}</Typography.Title>
          <ol style={{ paddingInlineStart: 20 }}>
            {e.score.items.map((i) => (
              <li key={i.id}>
                {i.category && categories.get(i.category) && (
                  <Tag color="blue">{pick(categories.get(i.category)!)}</Tag>
                )}
                {pick(i.title)}
                {i.source && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                    {t('evaluation.source')}：{i.source}
                  </Typography.Text>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
      {e.outcome?.labels && (
        <section>
          <Typography.Title level={4}>{t('calculator.policy.outcome')}</Typography.Title>
          <Space wrap>
            {Object.entries(e.outcome.labels).map(([k, l]) => (
              <Tag key={k}>{pick(l)}</Tag>
            ))}
          </Space>
        </section>
      )}
      {params.length > 0 && (
        <section>
          <Typography.Title level={4}>{t('calculator.policy.parameters')}</Typography.Title>
          {narrow ? (
            <ul className="hq-params">
              {params.map(([k, p]) => (
                <li key={k}>
                  <Space wrap>
                    <Typography.Text strong>{p.label ? `${pick(p.label)}（${k}）` : k}</Typography.Text>
                    <ParameterStatus p={p} />
                  </Space>
                  <div>
                    <ParameterValue p={p} />
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('calculator.policy.parameter.ref')}：{p.ref}
                  </Typography.Text>
                </li>
              ))}
            </ul>
          ) : (
          <Table
            size="small"
            rowKey={([k]) => k}
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={params}
            columns={[
              {
                title: t('calculator.policy.parameter.name'),
                key: 'name',
                render: (_, [k, p]) => (p.label ? `${pick(p.label)}（${k}）` : k),
              },
              {
                title: t('calculator.policy.parameter.value'),
                key: 'value',
                render: (_, [, p]) => <ParameterValue p={p} />,
              },
              { title: t('calculator.policy.parameter.ref'), key: 'ref', render: (_, [, p]) => p.ref },
              {
                title: t('calculator.policy.parameter.status'),
                key: 'status',
                render: (_, [, p]) => <ParameterStatus p={p} />,
              },
            ]}
          />
          )}
        </section>
      )}
      {e.notes && (
        <Collapse
          items={[
            {
              key: 'notes',
              label: t('calculator.policy.notes'),
              children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{e.notes}</Typography.Paragraph>,
            },
          ]}
        />
      )}
    </Space>
  );
}

export default function PolicyPage() {
  const { id } = useParams();
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const me = useMe().data;
  const q = usePolicy(id);
  if (q.error)
    return (
      <QueryError error={q.error} onRetry={q.error instanceof NetworkError ? () => void q.refetch() : undefined} />
    );
  if (!q.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  const doc = q.data;
  const current = editionOn(doc.editions, today());
  const reward = rewardOf(current);
  const officer = me?.role === 'reviewer' || me?.role === 'admin';
  const check = (testId?: string) => (
    <Button
      type="primary"
      size="large"
      data-testid={testId}
      onClick={() => void navigate(`/calculator?policy=${encodeURIComponent(doc.id)}`)}
    >
      {t('calculator.policy.check')}
    </Button>
  );
  return (
    <article>
      <style>{styles}</style>
      <Row gutter={[16, 16]} align="middle" style={{ marginBottom: 16 }}>
        <Col flex="auto">
          <Typography.Title level={2} style={{ marginBottom: 4 }}>
            {pick(doc.title)}
          </Typography.Title>
          <Space wrap size={[4, 4]}>
            <KindTag kind={doc.kind} />
            <Typography.Text type="secondary">
              {t('calculator.policy.issuer')}：{pick(doc.issuer)} · {doc.id}
            </Typography.Text>
          </Space>
        </Col>
        <Col flex="none">
          <Space wrap>
            {check('policy-check')}
            {reward && officer && (
              <Link to={`/console/sandbox?policy=${encodeURIComponent(doc.id)}`} data-testid="policy-sandbox">
                <Button size="large" icon={<ExperimentOutlined aria-hidden />}>
                  {t('sandbox.open')}
                </Button>
              </Link>
            )}
          </Space>
        </Col>
      </Row>
      {reward && current && <RewardTerms edition={current} reward={reward} />}
      <Card title={t('calculator.policy.editions')} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="edition"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={doc.editions}
          columns={[
            {
              title: t('calculator.policy.edition'),
              dataIndex: 'edition',
              render: (v: string, e) => (
                <Space>
                  {v}
                  {e === current && !(e.to && e.to < today()) && (
                    <Tag color="green" icon={<CheckCircleOutlined aria-hidden />}>
                      {t('calculator.policy.inForce')}
                    </Tag>
                  )}
                </Space>
              ),
            },
            { title: t('calculator.policy.from'), dataIndex: 'from', render: (v: string) => formatDate(v) },
            {
              title: t('calculator.policy.to'),
              dataIndex: 'to',
              render: (v: string | null | undefined) => (v ? formatDate(v) : '—'),
            },
            { title: t('calculator.policy.document'), dataIndex: 'document' },
            {
              title: t('calculator.policy.source'),
              key: 'source',
              render: (_: unknown, e) => (
                <SourceLink edition={e}>{t('calculator.policy.source')}</SourceLink>
              ),
            },
          ]}
        />
      </Card>
      {doc.editions.length > 1 ? (
        <Card>
          <Tabs
            defaultActiveKey={current?.edition}
            items={doc.editions.map((e) => ({
              key: e.edition,
              label: `${t('calculator.policy.edition')} ${e.edition}`,
              children: <EditionDetail e={e} />,
            }))}
          />
        </Card>
      ) : current ? (
        <Card title={`${t('calculator.policy.edition')} ${current.edition}`}>
          <EditionDetail e={current} />
        </Card>
      ) : (
        <Alert type="info" title={doc.id} />
      )}
      <div style={{ marginTop: 16, display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'center' }}>
        {check()}
        <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
          {t('calculator.policy.hash')}：{doc.hash}
        </Typography.Text>
      </div>
    </article>
  );
}
