/**
 * A reward policy's terms, first on its page and in the words a firm asks them in: who it is for,
 * the conditions (with the region and credit checks), how much, how it is paid, by when, the budget,
 * whom to call, and the legal basis.
 */
import { Card, Descriptions, Grid, Space, Tag, Typography } from 'antd';
import { useFactCatalog, type PolicyEditionDoc } from '../../components/evaluation/index.ts';
import { formatDate } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { CriteriaTree } from './CriteriaTree.tsx';
import { amountsOf, formatAmount, formatYuan, rewardCriteria, type RewardTerms as Terms } from '../../components/policies/reward.ts';
import { SourceLink } from './SourceLink.tsx';
import { DeliveryTag } from './Tags.tsx';

export function RewardTerms({ edition, reward }: { edition: PolicyEditionDoc; reward: Terms }) {
  const { t, pick, lang } = useI18n();
  const narrow = !Grid.useBreakpoint().md;
  const catalog = useFactCatalog().data;
  const unpublished = <Typography.Text type="warning">{t('reward.unpublished')}</Typography.Text>;
  const note = (text: string) => (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('calculator.policy.parameter.ref')}：{text}
    </Typography.Text>
  );
  return (
    <Card title={t('reward.terms')} data-testid="reward-terms" style={{ marginBottom: 16 }}>
      <Descriptions bordered size="small" column={1} layout={narrow ? 'vertical' : 'horizontal'}>
        <Descriptions.Item label={t('reward.eligible')}>{pick(reward.eligible)}</Descriptions.Item>
        <Descriptions.Item label={t('reward.criteria')}>
          <CriteriaTree criteria={rewardCriteria(edition, reward, catalog)} top />
        </Descriptions.Item>
        <Descriptions.Item label={t('reward.amount')}>
          <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="reward-amount">
            {amountsOf(edition).map((a) => (
              <li key={a.name}>
                <Space wrap size={[8, 0]}>
                  <Typography.Text strong>{formatAmount(a, t, lang)}</Typography.Text>
                  <Tag>{t(`reward.amount.role.${a.role}`)}</Tag>
                  {note(a.parameter.ref)}
                </Space>
              </li>
            ))}
          </ul>
        </Descriptions.Item>
        <Descriptions.Item label={t('reward.delivery')}>
          <Space wrap size={[8, 4]} data-testid="reward-delivery">
            <DeliveryTag delivery={reward.delivery} />
            <span>{t(`reward.delivery.${reward.delivery}.text`)}</span>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('reward.deadlines')}>
          <Space orientation="vertical" size={0}>
            {reward.deadline && <span>{t('reward.deadline', { date: formatDate(reward.deadline) })}</span>}
            <span>{t('reward.respondWithin', { n: reward.respondWithinDays })}</span>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('reward.budget')}>
          <Space orientation="vertical" size={0} data-testid="reward-budget">
            {reward.budget.value === null ? unpublished : <span>{formatYuan(reward.budget.value, t, lang)}</span>}
            {note(reward.budget.ref)}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('reward.office')}>{pick(reward.office)}</Descriptions.Item>
        <Descriptions.Item label={t('reward.phone')}>
          {reward.phone ? <a href={`tel:${reward.phone}`}>{reward.phone}</a> : unpublished}
        </Descriptions.Item>
        <Descriptions.Item label={t('reward.legalBasis')}>
          <Space orientation="vertical" size={0}>
            <span>{reward.legalBasis}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('calculator.policy.document')}：{edition.document}
            </Typography.Text>
            <SourceLink edition={edition}>{t('calculator.policy.source')}</SourceLink>
          </Space>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
