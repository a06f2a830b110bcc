/**
 * A firm's profile as the ledger has it now: the basic facts, the figures by fiscal year, the lists
 * (IP, titles, awards …) and the compliance flags, each value with the source of its latest entry.
 * Officers may correct a value (the pencil beside it opens the correction form).
 */
import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { formatDate } from '../../../format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import type { FactEntry } from '../../../components/console/data.ts';
import { SourceBadge } from '../../../components/console/SourceBadge.tsx';
import { enumLabel, formatValue, type FactCatalog, type Profile } from '../../../components/evaluation/index.ts';

type FactDef = FactCatalog['scalars'][string];

interface Props {
  profile: Profile;
  catalog: FactCatalog;
  /** The latest ledger entry of each fact path. */
  latest: Map<string, FactEntry>;
  /** Open the correction form for a path; absent when the officer may not correct. */
  onEdit?: (path: string) => void;
}

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

export function ProfileView({ profile, catalog, latest, onEdit }: Props) {
  const { t, pick } = useI18n();
  const show = useFactValue();

  const cell = (path: string, def: FactDef | undefined, v: unknown): ReactNode => (
    <span style={{ display: 'inline-flex', alignItems: 'center', flexWrap: 'wrap', gap: 2 }}>
      <span>{show(def, v)}</span>
      <SourceBadge entry={v === undefined ? undefined : latest.get(path)} />
      {onEdit && <EditButton path={path} label={pick(def?.label) || path} onEdit={onEdit} />}
    </span>
  );

  const scalars = Object.entries(catalog.scalars).filter(([k]) => k !== 'uscc');
  const present = scalars.filter(([k]) => profile[k] !== undefined);
  const absent = scalars.filter(([k]) => profile[k] === undefined);

  const years = Object.keys(profile.years ?? {})
    .sort()
    .reverse();
  const yearly = Object.entries(catalog.yearly);
  const yearRows = yearly.map(([fact, def]) => ({ fact, def }));
  const yearColumns: ColumnsType<(typeof yearRows)[number]> = [
    {
      title: t('console.profile.fact'),
      dataIndex: 'fact',
      fixed: 'left',
      width: 200,
      render: (_: string, r) => pick(r.def.label),
    },
    ...years.map((y) => ({
      title: t('console.profile.year', { year: y }),
      key: y,
      width: 220,
      render: (_: unknown, r: (typeof yearRows)[number]) =>
        cell(`years.${y}.${r.fact}`, r.def, profile.years?.[y]?.[r.fact]),
    })),
  ];

  const lists = Object.entries(catalog.lists).filter(
    ([k]) => Array.isArray(profile[k]) && (profile[k] as unknown[]).length,
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="profile-view">
      <Card size="small" title={t('console.profile.basic')}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={present.map(([k, def]) => ({ key: k, label: pick(def.label), children: cell(k, def, profile[k]) }))}
        />
        {absent.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
            {t('console.profile.absent', { n: absent.length })}
            {absent.map(([, def]) => pick(def.label)).join('、')}
          </Typography.Paragraph>
        )}
      </Card>
      <Card size="small" title={t('console.profile.yearly')}>
        {years.length === 0 ? (
          <Empty description={t('console.profile.noYears')} />
        ) : (
          <Table
            data-testid="profile-years"
            rowKey="fact"
            size="small"
            pagination={false}
            columns={yearColumns}
            dataSource={yearRows}
            scroll={{ x: 200 + years.length * 220 }}
          />
        )}
      </Card>
      {lists.map(([name, list]) => {
        const items = profile[name] as Record<string, unknown>[];
        const fields = Object.entries(list.item);
        return (
          <Card
            key={name}
            size="small"
            title={
              <span>
                {pick(list.label)}（{items.length}）
                <SourceBadge entry={latest.get(name)} />
              </span>
            }
          >
            <Table
              rowKey={(_, i) => String(i)}
              size="small"
              pagination={items.length > 10 ? { pageSize: 10, size: 'small' } : false}
              scroll={{ x: true }}
              dataSource={items}
              columns={fields.map(([f, def]) => ({
                title: pick(def.label),
                dataIndex: f,
                render: (v: unknown) => show(def, v),
              }))}
            />
          </Card>
        );
      })}
      <Card size="small" title={t('console.profile.compliance')}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={Object.entries(catalog.compliance).map(([k, def]) => {
            const path = `compliance.${k}`;
            const v = profile.compliance?.[k];
            return {
              key: k,
              label: pick(def.label),
              children:
                v === undefined ? (
                  <span>
                    {t('console.profile.noneDeclared')}
                    {onEdit && <EditButton path={path} label={pick(def.label)} onEdit={onEdit} />}
                  </span>
                ) : (
                  cell(path, def, v)
                ),
            };
          })}
        />
      </Card>
    </Space>
  );
}

function EditButton({ path, label, onEdit }: { path: string; label: string; onEdit(path: string): void }) {
  const { t } = useI18n();
  const text = t('console.correct.editOne', { name: label });
  return (
    <Tooltip title={text}>
      <Button
        type="text"
        size="small"
        icon={<EditOutlined aria-hidden />}
        aria-label={text}
        onClick={() => onEdit(path)}
        data-testid={`edit-${path}`}
      />
    </Tooltip>
  );
}
