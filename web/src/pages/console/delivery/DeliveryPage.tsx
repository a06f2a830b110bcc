/**
 * 免申即享 (/console/delivery?policy=…): for one reward policy, its screenings of the officer's
 * region with their lists and publication, the payout totals against the budget, and the claims
 * with the payment list out and the payments back. The policy (and the screening shown) live in
 * the URL, so a reload or a shared link shows the same.
 */
import { Col, Empty, Row, Select, Skeleton, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useMe } from '../../../auth.tsx';
import { useRewardPolicies, type RewardTerms } from '../../../components/delivery/index.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { ClaimsCard } from './ClaimsCard.tsx';
import { Screenings } from './Screenings.tsx';
import { TotalsPanel } from './TotalsPanel.tsx';

export default function DeliveryPage() {
  const { t, pick } = useI18n();
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const policy = params.get('policy') || undefined;
  const policies = useRewardPolicies(me?.role === 'reviewer' ? me.regionCode : null);
  const chosen = policies?.find((p) => p.doc.id === policy);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('delivery.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ maxWidth: 880, marginBottom: 0 }}>
          {t('delivery.intro')}
        </Typography.Paragraph>
      </div>
      <Space wrap align="center">
        <label htmlFor="delivery-policy">{t('delivery.policy')}</label>
        <Select
          id="delivery-policy"
          data-testid="delivery-policy"
          style={{ width: 'min(520px, calc(100vw - 48px))' }}
          loading={!policies}
          placeholder={t('delivery.policy.pick')}
          value={policy}
          notFoundContent={t('delivery.policy.none')}
          options={(policies ?? []).map((p) => ({ value: p.doc.id, label: pick(p.doc.title) }))}
          onChange={(id: string) => setParams({ policy: id })}
        />
      </Space>
      {!policy ? (
        <Empty description={policies?.length === 0 ? t('delivery.policy.none') : t('delivery.policy.pick')} />
      ) : !policies ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <>
          {chosen && <Terms reward={chosen.reward} />}
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={15}>
              <Screenings policy={policy} reward={chosen?.reward ?? null} />
            </Col>
            <Col xs={24} xl={9}>
              <TotalsPanel policy={policy} />
            </Col>
          </Row>
          <ClaimsCard policy={policy} />
        </>
      )}
    </Space>
  );
}

/** Who the policy is for, where, and how it is delivered: the terms the officer screens by. */
function Terms({ reward }: { reward: RewardTerms }) {
  const { t, pick } = useI18n();
  return (
    <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }} data-testid="delivery-terms">
      {t(`delivery.mode.${reward.delivery}`)} · {t('delivery.policy.eligible', { text: pick(reward.eligible) })}
      <br />
      {t('delivery.policy.scope', { region: pick(reward.region.name), days: reward.respondWithinDays })}
    </Typography.Paragraph>
  );
}
