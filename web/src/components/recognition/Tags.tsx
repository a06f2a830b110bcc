/** An application's state and a title's state: an icon and a word, the colour only repeats them. */
import {
  CheckCircleFilled,
  ClockCircleOutlined,
  CloseCircleOutlined,
  EditOutlined,
  ExclamationCircleOutlined,
  FileDoneOutlined,
  NotificationOutlined,
  RollbackOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { Tag } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import type { ApplicationStatus, Title } from './data.ts';

const STATUS: Record<ApplicationStatus, { color: string; icon: React.ReactNode }> = {
  draft: { color: 'default', icon: <EditOutlined aria-hidden /> },
  in_review: { color: 'processing', icon: <ClockCircleOutlined aria-hidden /> },
  returned: { color: 'warning', icon: <RollbackOutlined aria-hidden /> },
  approved: { color: 'cyan', icon: <FileDoneOutlined aria-hidden /> },
  in_notice: { color: 'purple', icon: <NotificationOutlined aria-hidden /> },
  certified: { color: 'success', icon: <CheckCircleFilled aria-hidden /> },
  rejected: { color: 'error', icon: <CloseCircleOutlined aria-hidden /> },
  withdrawn: { color: 'default', icon: <StopOutlined aria-hidden /> },
};

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useI18n();
  const s = STATUS[status];
  return (
    <Tag color={s.color} icon={s.icon} data-testid="application-status" data-status={status}>
      {t(`app.status.${status}`)}
    </Tag>
  );
}

const TITLE: Record<Title['state'], { color: string; icon: React.ReactNode }> = {
  valid: { color: 'success', icon: <CheckCircleFilled aria-hidden /> },
  expired: { color: 'default', icon: <ClockCircleOutlined aria-hidden /> },
  revoked: { color: 'error', icon: <StopOutlined aria-hidden /> },
  pending: { color: 'processing', icon: <ClockCircleOutlined aria-hidden /> },
};

export function TitleStateTag({ state }: { state: Title['state'] }) {
  const { t } = useI18n();
  const s = TITLE[state];
  return (
    <Tag color={s.color} icon={s.icon} data-testid="title-state" data-state={state}>
      {t(`title.state.${state}`)}
    </Tag>
  );
}

/** A due date, marked (icon and word) when it has passed. */
export function DueTag({ due, overdue }: { due: string | null; overdue: boolean }) {
  const { t } = useI18n();
  if (!due) return null;
  return overdue ? (
    <Tag color="error" icon={<ExclamationCircleOutlined aria-hidden />} data-testid="overdue">
      {t('app.overdue')} · {due}
    </Tag>
  ) : (
    <Tag icon={<ClockCircleOutlined aria-hidden />}>{t('app.due', { date: due })}</Tag>
  );
}
