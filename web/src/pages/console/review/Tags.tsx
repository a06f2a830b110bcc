/** A batch's window state, a notice's state and a batch's review levels: icons and words, never colour alone. */
import { CheckCircleOutlined, ClockCircleOutlined, NotificationOutlined, StopOutlined } from '@ant-design/icons';
import { Tag, Typography } from 'antd';
import { Fragment } from 'react';
import { useI18n } from '../../../i18n/index.tsx';
import type { Batch, Level, Notice } from '../../../components/recognition/index.ts';

const BATCH = {
  scheduled: { color: 'default', icon: <ClockCircleOutlined aria-hidden /> },
  open: { color: 'processing', icon: <NotificationOutlined aria-hidden /> },
  closed: { color: 'default', icon: <StopOutlined aria-hidden /> },
} as const;

export function BatchStatusTag({ status }: { status: Batch['status'] }) {
  const { t } = useI18n();
  const s = BATCH[status];
  return (
    <Tag color={s.color} icon={s.icon} data-status={status}>
      {t(`review.batch.status.${status}`)}
    </Tag>
  );
}

const NOTICE = {
  open: { color: 'processing', icon: <NotificationOutlined aria-hidden /> },
  ended: { color: 'warning', icon: <ClockCircleOutlined aria-hidden /> },
  decided: { color: 'success', icon: <CheckCircleOutlined aria-hidden /> },
} as const;

export function NoticeStateTag({ state }: { state: Notice['state'] }) {
  const { t } = useI18n();
  const s = NOTICE[state];
  return (
    <Tag color={s.color} icon={s.icon} data-testid="notice-state" data-state={state}>
      {t(`review.notice.state.${state}`)}
    </Tag>
  );
}

/** 区县 → 地市 → 省级, the current level (if any) in bold and marked for screen readers. */
export function LevelChain({ levels, current }: { levels: readonly Level[]; current?: Level | null }) {
  const { t } = useI18n();
  return (
    <span data-testid="level-chain">
      {levels.map((l, i) => (
        <Fragment key={l}>
          {i > 0 && <span aria-hidden> → </span>}
          {l === current ? (
            <Typography.Text strong aria-current="step">
              {t(`app.level.${l}`)}
            </Typography.Text>
          ) : (
            t(`app.level.${l}`)
          )}
        </Fragment>
      ))}
    </span>
  );
}
