/** An application's history: every step, who took it at which level, when, and what they wrote. */
import { Timeline, Typography } from 'antd';
import { formatTime } from '../profile/Source.tsx';
import { useI18n } from '../../i18n/index.tsx';
import type { ApplicationEvent } from './data.ts';

const known = new Set([
  'create',
  'evidence_add',
  'evidence_remove',
  'submit',
  'resubmit',
  'withdraw',
  'approve',
  'return',
  'reject',
  'override',
  'spot_check',
  'publish',
  'objection_upheld',
  'objection_dismissed',
  'certify',
]);
const COLOR: Record<string, string> = {
  approve: 'green',
  certify: 'green',
  return: 'orange',
  reject: 'red',
  objection_upheld: 'red',
};

export function ApplicationHistory({ events }: { events: ApplicationEvent[] }) {
  const { t } = useI18n();
  return (
    <Timeline
      data-testid="application-history"
      items={events.map((e) => {
        const what = known.has(e.action) ? t(`app.event.${e.action}` as 'app.event.create') : e.action;
        const detail = e.detail ?? {};
        const extra =
          e.action === 'spot_check'
            ? `${String(detail.on ?? '')} · ${String(detail.inspectors ?? '')} · ${detail.result === 'passed' ? '✔' : '✘'}`
            : e.action === 'evidence_add' || e.action === 'evidence_remove'
              ? String(detail.fileName ?? '')
              : e.action === 'certify'
                ? String(detail.certificateNo ?? '')
                : '';
        return {
          color: COLOR[e.action] ?? 'blue',
          children: (
            <div data-testid="history-entry" data-action={e.action}>
              <Typography.Text strong>{what}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {e.actorName}
                {e.level ? `（${t(`app.level.${e.level}`)}）` : ''} · {formatTime(e.at)}
              </Typography.Text>
              {extra && <div>{extra}</div>}
              {e.note && <Typography.Paragraph style={{ margin: 0 }}>{e.note}</Typography.Paragraph>}
            </div>
          ),
        };
      })}
    />
  );
}
