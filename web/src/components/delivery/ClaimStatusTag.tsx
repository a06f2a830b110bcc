/** A claim's state: an icon and a word, the colour only repeats them. */
import {
  CheckCircleFilled,
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  EditOutlined,
  ExclamationCircleOutlined,
  MinusCircleOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import type { ClaimStatus } from './data.ts';

const STATUS: Record<ClaimStatus, { color: string; icon: ReactNode }> = {
  offered: { color: 'processing', icon: <ClockCircleOutlined aria-hidden /> },
  invited: { color: 'warning', icon: <EditOutlined aria-hidden /> },
  confirmed: { color: 'cyan', icon: <CheckCircleOutlined aria-hidden /> },
  paid: { color: 'success', icon: <CheckCircleFilled aria-hidden /> },
  payment_failed: { color: 'error', icon: <ExclamationCircleOutlined aria-hidden /> },
  declined: { color: 'default', icon: <MinusCircleOutlined aria-hidden /> },
  expired: { color: 'default', icon: <StopOutlined aria-hidden /> },
  ineligible: { color: 'default', icon: <CloseCircleOutlined aria-hidden /> },
};

export function ClaimStatusTag({ status }: { status: ClaimStatus }) {
  const { t } = useI18n();
  const s = STATUS[status];
  return (
    <Tag color={s.color} icon={s.icon} data-testid="claim-status" data-status={status}>
      {t(`claim.status.${status}`)}
    </Tag>
  );
}
