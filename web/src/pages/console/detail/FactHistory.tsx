/**
 * Every value each fact of a firm has had (the ledger, oldest entry first in the API, newest first
 * here): a table per fact path with the value, its source, who recorded it, when, and the reason.
 */
import dayjs from 'dayjs';
import { Collapse, Empty, Input, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../../auth.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import type { FactEntry } from '../../../components/console/data.ts';
import { SourceBadge } from '../../../components/console/SourceBadge.tsx';
import { formatDate } from '../../../format.ts';
import {
  enumLabel,
  factOfPath,
  formatValue,
  labelOfPath,
  type FactCatalog,
} from '../../../components/evaluation/index.ts';

type FactDef = FactCatalog['scalars'][string];

/** A value of a fact as it reads: money in 万元, ratios in %, enums and flags in words. */
export function useFactValue() {
  const { t } = useI18n();
  return (def: FactDef | undefined, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (typeof v === 'boolean') return t(v ? 'common.yes' : 'common.no');
    if (def?.type === 'date' && typeof v === 'string') return formatDate(v);
    // A year or a count without a unit reads as it is (2020, not 2,020).
    if (typeof v === 'number' && def?.type === 'integer' && !def.unit) return String(v);
    if (typeof v === 'number') return formatValue(v, def?.unit ?? null, t);
    if (typeof v === 'string') return def?.type === 'enum' ? enumLabel(v, t) : v;
    return JSON.stringify(v);
  };
}

/** A moment in local time: 2026-06-01 14:05:09. */
export const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

/** Who recorded an entry: me, another user, an import, the demo loader. */
export function Actor({ actor }: { actor: string }) {
  const { t } = useI18n();
  const me = useMe().data;
  const [kind, id] = actor.split(/:(.*)/s) as [string, string | undefined];
  if (kind === 'user' && id && me && String(me.userId) === id)
    return <>{t('console.actor.me', { name: me.displayName })}</>;
  if (kind === 'user' && id) return <>{t('console.actor.user', { id })}</>;
  if (kind === 'import' && id && /^[0-9a-f-]{36}$/.test(id))
    return <Link to={`/console/imports?id=${id}`}>{t('console.actor.import', { id: id.slice(0, 8) })}</Link>;
  if (kind === 'import' && id) return <>{t('console.actor.import', { id })}</>;
  if (actor === 'demo') return <>{t('console.actor.demo')}</>;
  return <>{actor}</>;
}

/** Where a path sorts: basic facts, then lists, then years (latest first), then compliance; catalog order within. */
function rank(catalog: FactCatalog | undefined, path: string): [number, number, number] {
  const at = (o: object | undefined, k: string) => {
    const i = Object.keys(o ?? {}).indexOf(k);
    return i < 0 ? 999 : i;
  };
  const y = /^years\.(\d{4})\.(\w+)$/.exec(path);
  if (y) return [2, -Number(y[1]), at(catalog?.yearly, y[2]!)];
  const c = /^compliance\.(\w+)$/.exec(path);
  if (c) return [3, 0, at(catalog?.compliance, c[1]!)];
  if (catalog?.lists[path]) return [1, 0, at(catalog.lists, path)];
  return [0, 0, at(catalog?.scalars, path)];
}

export function FactHistory({ entries, catalog }: { entries: FactEntry[]; catalog: FactCatalog | undefined }) {
  const { t, pick } = useI18n();
  const show = useFactValue();
  const [filter, setFilter] = useState('');
  const groups = useMemo(() => {
    const byPath = new Map<string, FactEntry[]>();
    for (const e of entries) byPath.set(e.path, [e, ...(byPath.get(e.path) ?? [])]);
    const order = (path: string) => rank(catalog, path);
    return [...byPath].sort(([a], [b]) => {
      const [x, y] = [order(a), order(b)];
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || a.localeCompare(b);
    });
  }, [entries, catalog]);
  const label = (path: string) => labelOfPath(catalog, path);
  const shown = groups.filter(([path]) => {
    const q = filter.trim().toLowerCase();
    if (!q) return true;
    const l = label(path);
    return path.toLowerCase().includes(q) || l.zh.includes(q) || l.en.toLowerCase().includes(q);
  });
  if (entries.length === 0) return <Empty description={t('console.history.empty')} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="fact-history">
      <Input.Search
        allowClear
        aria-label={t('console.history.filter')}
        placeholder={t('console.history.filter')}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        style={{ maxWidth: 360 }}
      />
      <Typography.Text type="secondary">
        {t('console.history.summary', { paths: groups.length, entries: entries.length })}
      </Typography.Text>
      <Collapse
        size="small"
        items={shown.map(([path, list]) => ({
          key: path,
          label: (
            <span>
              {pick(label(path))}{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {path} · {t('console.history.count', { n: list.length })}
              </Typography.Text>
              <SourceBadge entry={list[0]} />
            </span>
          ),
          children: (
            <Table<FactEntry>
              size="small"
              rowKey={(e) => `${e.recordedAt}-${e.source}-${JSON.stringify(e.value)}`}
              pagination={false}
              scroll={{ x: true }}
              dataSource={list}
              columns={[
                {
                  title: t('console.history.value'),
                  dataIndex: 'value',
                  render: (v: unknown) =>
                    v === null ? (
                      <Typography.Text type="secondary">{t('console.history.cleared')}</Typography.Text>
                    ) : Array.isArray(v) ? (
                      t('console.history.items', { n: v.length })
                    ) : (
                      show(factOfPath(catalog, path), v)
                    ),
                },
                {
                  title: t('console.history.source'),
                  dataIndex: 'source',
                  render: (_: string, e) => <SourceBadge entry={e} />,
                },
                { title: t('console.history.who'), dataIndex: 'actor', render: (a: string) => <Actor actor={a} /> },
                { title: t('console.history.when'), dataIndex: 'recordedAt', render: when },
                { title: t('console.history.reason'), dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
              ]}
            />
          ),
        }))}
      />
    </Space>
  );
}
