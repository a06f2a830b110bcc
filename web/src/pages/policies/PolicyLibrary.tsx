/**
 * 政策库: every policy on the platform as a card — title, issuer, kind, and for a reward its region,
 * amount, delivery mode and budget — filtered by kind and by a region (or any word of the title or
 * issuer). The filters live in the address, so a filtered library can be linked to.
 */
import { EnvironmentOutlined, SearchOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Empty, Input, Row, Select, Skeleton, Space, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { localToday, type PolicyDocument } from '../../components/evaluation/index.ts';
import { useI18n } from '../../i18n/index.tsx';
import { QueryError } from '../../layout/ErrorPage.tsx';
import { usePolicyLibrary } from '../../components/policies/library.ts';
import { amountSummary, editionOn, formatYuan, isKind, KINDS, rewardOf } from '../../components/policies/reward.ts';
import { DeliveryTag, KindTag } from './Tags.tsx';

/** Where a policy applies: a reward's region, 全国 for a national (cn.*) policy. */
function regionOf(doc: PolicyDocument, national: { zh: string; en: string }) {
  const reward = rewardOf(editionOn(doc.editions, localToday()));
  return reward ? reward.region.name : doc.id.startsWith('cn.') ? national : null;
}

export default function PolicyLibrary() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const library = usePolicyLibrary();
  const kind = isKind(params.get('kind')) ? params.get('kind')! : undefined;
  const q = params.get('q')?.trim() ?? '';
  const setFilter = (key: 'kind' | 'q', value: string | undefined) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  if (library.error) return <QueryError error={library.error} onRetry={library.refetch} />;
  const docs = library.data;
  const national = { zh: t('library.national'), en: t('library.national') };
  // Every word typed must appear in the region, the title or the issuer (either language).
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = (docs ?? []).filter((d) => {
    if (kind && d.kind !== kind) return false;
    const region = regionOf(d, national);
    const text = [region?.zh, region?.en, d.title.zh, d.title.en, d.issuer.zh, d.issuer.en].join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={2} style={{ marginBottom: 4 }}>
          {t('library.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('library.intro')}</Typography.Text>
      </div>
      <Space wrap>
        <Select
          aria-label={t('library.filter.kind')}
          data-testid="library-kind"
          value={kind ?? ''}
          onChange={(v: string) => setFilter('kind', v || undefined)}
          style={{ minWidth: 160 }}
          options={[
            { value: '', label: t('library.filter.allKinds') },
            ...KINDS.map((k) => ({
              value: k,
              label: `${t(`policy.kind.${k}`)}（${(docs ?? []).filter((d) => d.kind === k).length}）`,
            })),
          ]}
        />
        <Input
          aria-label={t('library.filter.region')}
          placeholder={t('library.filter.regionPlaceholder')}
          data-testid="library-search"
          prefix={<SearchOutlined aria-hidden />}
          defaultValue={q}
          allowClear
          onChange={(e) => setFilter('q', e.target.value.trim() || undefined)}
          style={{ width: 260, maxWidth: '100%' }}
        />
      </Space>
      {!docs ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : shown.length === 0 ? (
        <Empty description={t('library.empty')} />
      ) : (
        <Row gutter={[16, 16]} data-testid="library-list">
          {shown.map((d) => (
            <Col key={d.id} xs={24} md={12} xl={8}>
              <PolicyCard doc={d} region={regionOf(d, national)} />
            </Col>
          ))}
        </Row>
      )}
      {docs && (
        <Typography.Text type="secondary" data-testid="library-count">
          {t('library.count', { shown: shown.length, total: docs.length })}
        </Typography.Text>
      )}
    </Space>
  );
}

function PolicyCard({ doc, region }: { doc: PolicyDocument; region: { zh: string; en: string } | null }) {
  const { t, pick, lang } = useI18n();
  const edition = editionOn(doc.editions, localToday());
  const reward = rewardOf(edition);
  const amount = edition && reward ? amountSummary(edition, t, lang) : null;
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={`library-card-${doc.id}`}>
      <Space wrap size={[4, 4]} style={{ marginBottom: 8 }}>
        <KindTag kind={doc.kind} />
        {reward && <DeliveryTag delivery={reward.delivery} />}
        {region && (
          <Typography.Text type="secondary">
            <EnvironmentOutlined aria-hidden /> {pick(region)}
          </Typography.Text>
        )}
      </Space>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        <Link to={`/policies/${doc.id}`}>{pick(doc.title)}</Link>
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {pick(doc.issuer)}
      </Typography.Paragraph>
      {reward ? (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('reward.amount')}>
            <span data-testid="card-amount">{amount ?? t('reward.unpublished')}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('reward.budget')}>
            <span data-testid="card-budget">
              {reward.budget.value === null ? t('reward.unpublished') : formatYuan(reward.budget.value, t, lang)}
            </span>
          </Descriptions.Item>
        </Descriptions>
      ) : (
        edition && (
          <Typography.Text style={{ fontSize: 12 }}>
            {t('library.edition')}：{edition.document}
          </Typography.Text>
        )
      )}
    </Card>
  );
}
