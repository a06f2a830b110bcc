/** A notice's state: an icon and a word, the colour only repeats them. */
import { CheckCircleFilled, ClockCircleOutlined, NotificationOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { Notice } from '../../components/recognition/index.ts';
import { useI18n } from '../../i18n/index.tsx';

const STATE: Record<Notice['state'], { color: string; icon: ReactNode }> = {
  open: { color: 'processing', icon: <NotificationOutlined aria-hidden /> },
  ended: { color: 'default', icon: <ClockCircleOutlined aria-hidden /> },
  decided: { color: 'success', icon: <CheckCircleFilled aria-hidden /> },
};

export function NoticeStateTag({ state }: { state: Notice['state'] }) {
  const { t } = useI18n();
  const s = STATE[state];
  return (
    <Tag color={s.color} icon={s.icon} data-testid="notice-state" data-state={state}>
      {t(`notice.state.${state}`)}
    </Tag>
  );
}
