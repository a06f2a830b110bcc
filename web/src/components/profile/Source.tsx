/**
 * Where a value came from: a badge with the source's word (自报, 税务, 审核修正 …), which opens who
 * recorded it, when and — for a reviewer's override — why; and the drawer with a fact's whole
 * history in the ledger.
 */
import { AuditOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Drawer, Empty, Popover, Space, Tag, Timeline, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useMe } from '../../auth.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { SOURCES, type FactEntry, type FactSource } from './data.ts';

type T = ReturnType<typeof useI18n>['t'];

const COLOR: Record<FactSource, string> = {
  self: 'blue',
  import: 'cyan',
  tax: 'green',
  social_insurance: 'lime',
  registry: 'geekblue',
  court: 'purple',
  reviewer: 'orange',
  recognition: 'gold',
};

const isSource = (s: string): s is FactSource => (SOURCES as readonly string[]).includes(s);

export const sourceLabel = (source: string, t: T): string => (isSource(source) ? t(`portal.source.${source}`) : source);

/** Who recorded a value, readably: 我, 用户 #12, 演示数据, 导入任务 … */
export function actorLabel(actor: string, t: T, myUserId?: number): string {
  const user = /^user:(\d+)$/.exec(actor);
  if (user) return Number(user[1]) === myUserId ? t('portal.actor.me') : t('portal.actor.user', { id: user[1]! });
  if (actor === 'demo') return t('portal.actor.demo');
  if (actor.startsWith('import')) return t('portal.actor.import');
  return actor;
}

export const formatTime = (iso: string): string => dayjs(iso).format('YYYY-MM-DD HH:mm');

export function SourceTag({ source }: { source: string }) {
  const { t } = useI18n();
  return (
    <Tag
      color={isSource(source) ? COLOR[source] : 'default'}
      icon={source === 'reviewer' ? <AuditOutlined aria-hidden /> : undefined}
      data-source={source}
      style={{ marginInlineEnd: 0 }}
    >
      {sourceLabel(source, t)}
    </Tag>
  );
}

/**
 * The source of a value's latest entry. Hover, focus or click shows who, when and why; "history"
 * opens every value it has had.
 */
export function SourceBadge({ entry, count, onHistory }: { entry?: FactEntry; count: number; onHistory: () => void }) {
  const { t } = useI18n();
  const me = useMe().data;
  const [open, setOpen] = useState(false);
  if (!entry) return null;
  const content = (
    <Space orientation="vertical" size={4} style={{ maxWidth: 300 }}>
      <span>
        {t('portal.source.label')}：<SourceTag source={entry.source} />
      </span>
      <span>
        {t('portal.source.actor')}：{actorLabel(entry.actor, t, me?.userId)}
      </span>
      <span>
        {t('portal.source.when')}：{formatTime(entry.recordedAt)}
      </span>
      {entry.reason && (
        <span data-testid="override-reason">
          {t('portal.source.reason')}：{entry.reason}
        </span>
      )}
      <Button
        size="small"
        icon={<HistoryOutlined aria-hidden />}
        onClick={() => {
          setOpen(false);
          onHistory();
        }}
        data-testid="open-history"
      >
        {t('portal.history.open', { n: count })}
      </Button>
    </Space>
  );
  const tip = [
    `${sourceLabel(entry.source, t)} · ${actorLabel(entry.actor, t, me?.userId)} · ${formatTime(entry.recordedAt)}`,
    entry.reason ? `${t('portal.source.reason')}：${entry.reason}` : null,
  ]
    .filter(Boolean)
    .join('\n');
  return (
    // Hover or focus shows who, when and why; a click (or Enter) opens the details with the history.
    <Popover content={content} trigger="click" open={open} onOpenChange={setOpen}>
      <Tooltip
        title={<span style={{ whiteSpace: 'pre-line' }}>{tip}</span>}
        trigger={['hover', 'focus']}
        open={open ? false : undefined}
      >
        <button
          type="button"
          className="hq-source"
          aria-label={t('portal.source.aria', { source: sourceLabel(entry.source, t) })}
          aria-description={entry.reason ? `${t('portal.source.reason')}：${entry.reason}` : undefined}
          data-testid="source-badge"
          data-source={entry.source}
        >
          <SourceTag source={entry.source} />
        </button>
      </Tooltip>
    </Popover>
  );
}

/** Every value a fact has had, newest first, with its source, who and when; the one that stands is marked. */
export function HistoryDrawer({
  open,
  title,
  entries,
  current,
  render,
  onClose,
}: {
  open: boolean;
  title: string;
  entries: FactEntry[];
  /** The entry the value stands on (not always the newest: a firm's claim beside a tax figure). */
  current?: FactEntry | undefined;
  render: (value: unknown) => ReactNode;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const me = useMe().data;
  const newest = [...entries].reverse();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('portal.history.title', { label: title })}
      size="min(520px, 100vw)"
      destroyOnHidden
    >
      {newest.length === 0 ? (
        <Empty description={t('portal.history.empty')} />
      ) : (
        <Timeline
          data-testid="fact-history"
          items={newest.map((e, i) => ({
            key: `${e.recordedAt}-${i}`,
            color: e === (current ?? newest[0]) ? 'blue' : 'gray',
            content: (
              <div data-testid="fact-history-entry">
                <div>
                  <Typography.Text strong>{render(e.value)}</Typography.Text>{' '}
                  {e === (current ?? newest[0]) && <Tag>{t('portal.history.current')}</Tag>}
                </div>
                <Space size={8} wrap>
                  <SourceTag source={e.source} />
                  <Typography.Text type="secondary">{actorLabel(e.actor, t, me?.userId)}</Typography.Text>
                  <Typography.Text type="secondary">{formatTime(e.recordedAt)}</Typography.Text>
                </Space>
                {e.reason && (
                  <div>
                    <Typography.Text type="secondary">
                      {t('portal.source.reason')}：{e.reason}
                    </Typography.Text>
                  </div>
                )}
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
