/** The kind of a policy (分类 / 认定 / 评估 / 奖补 / 资格) and how a reward reaches firms (免申即享 / 快申快享). */
import { ThunderboltOutlined, SendOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { isKind, type Delivery } from '../../components/policies/reward.ts';

const KIND_COLOR = {
  classification: 'default',
  recognition: 'blue',
  assessment: 'purple',
  reward: 'gold',
  eligibility: 'cyan',
} as const;

export function KindTag({ kind }: { kind: string | undefined }) {
  const { t } = useI18n();
  if (!isKind(kind)) return null;
  return <Tag color={KIND_COLOR[kind]}>{t(`policy.kind.${kind}`)}</Tag>;
}

export function DeliveryTag({ delivery }: { delivery: Delivery }) {
  const { t } = useI18n();
  return delivery === 'no_application' ? (
    <Tag color="green" icon={<ThunderboltOutlined aria-hidden />} data-delivery={delivery}>
      {t('reward.delivery.no_application')}
    </Tag>
  ) : (
    <Tag color="blue" icon={<SendOutlined aria-hidden />} data-delivery={delivery}>
      {t('reward.delivery.quick_application')}
    </Tag>
  );
}
