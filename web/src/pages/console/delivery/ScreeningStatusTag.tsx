/** A screening's state: an icon and a word, the colour only repeats them. */
import { CheckCircleFilled, ClockCircleOutlined, CloseCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { Screening } from '../../../components/delivery/index.ts';
import { useI18n } from '../../../i18n/index.tsx';

const STATUS: Record<Screening['status'], { color: string; icon: ReactNode }> = {
  queued: { color: 'default', icon: <ClockCircleOutlined aria-hidden /> },
  running: { color: 'processing', icon: <SyncOutlined spin aria-hidden /> },
  done: { color: 'success', icon: <CheckCircleFilled aria-hidden /> },
  failed: { color: 'error', icon: <CloseCircleOutlined aria-hidden /> },
};

export function ScreeningStatusTag({ status }: { status: Screening['status'] }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS[status].color} icon={STATUS[status].icon} data-testid="screening-status" data-status={status}>
      {t(`delivery.screen.status.${status}`)}
    </Tag>
  );
}
