/**
 * A firm's record (一企一档) by fiscal year: the basic facts, every yearly figure of the fact
 * catalog with the years as columns, the lists (IP, titles, awards …), the other facts and the
 * compliance flags. Every value carries the source of the ledger entry it stands on and opens its
 * history. In `self` mode the firm edits its own figures (self-declared); in `override` mode a
 * reviewer corrects them and must give a reason.
 */
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Skeleton, Space, Table, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import type { FactDef } from '../../../../src/facts/catalog.ts';
import { useI18n } from '../../i18n/index.tsx';
import { QueryError } from '../../layout/ErrorPage.tsx';
import { formatValue, useFactCatalog } from '../evaluation/index.ts';
import {
  defOf,
  indexHistory,
  useEnterprise,
  useFactHistory,
  valueAt,
  yearsOf,
  type Enterprise,
  type ProfileMode,
} from './data.ts';
import { EditFactModal, EditYearModal } from './EditFact.tsx';
import { cellText, inputUnit } from './FactInput.tsx';
import { itemText, ListSection } from './ListSection.tsx';
import { HistoryDrawer, SourceBadge } from './Source.tsx';

const CSS = `
.hq-source { background: none; border: 0; padding: 0; margin: 0; cursor: pointer; line-height: 1; font: inherit; }
.hq-source:focus-visible { outline: 2px solid #1677ff; outline-offset: 2px; border-radius: 4px; }
.hq-cell { display: inline-flex; align-items: center; gap: 6px; flex-wrap: wrap; }
.hq-cell-value { font-variant-numeric: tabular-nums; }
.hq-year-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); column-gap: 16px; }
.hq-profile > .ant-card { margin-bottom: 16px; }
`;

/** The basic facts, shown first; every other scalar of the catalog follows under "other facts". */
const BASIC = ['name', 'regionCode', 'industryCode', 'establishedOn', 'nicheSince'];

export interface ProfileViewProps {
  /** The firm's 统一社会信用代码. */
  uscc: string;
  /** `self`: the firm edits its own (self-declared); `override`: a reviewer corrects, with a reason. */
  mode?: ProfileMode;
  /** Show the edit, add and remove buttons (default true). */
  editable?: boolean;
  /** After each successful write, e.g. to evaluate again. */
  onSaved?: () => void;
}

export function ProfileView({ uscc, mode = 'self', editable = true, onSaved }: ProfileViewProps) {
  const { t, pick } = useI18n();
  const catalogQ = useFactCatalog();
  const firmQ = useEnterprise(uscc);
  const historyQ = useFactHistory(uscc);
  const [editing, setEditing] = useState<string | null>(null);
  const [year, setYear] = useState<{ year?: string } | null>(null);
  const [history, setHistory] = useState<string | null>(null);
  const sources = firmQ.data?.sources;
  const { standing, byPath } = useMemo(() => indexHistory(historyQ.data, sources), [historyQ.data, sources]);

  const failed = catalogQ.error ?? firmQ.error ?? historyQ.error;
  if (failed)
    return (
      <QueryError
        error={failed}
        onRetry={() => {
          void catalogQ.refetch();
          void firmQ.refetch();
          void historyQ.refetch();
        }}
      />
    );
  const catalog = catalogQ.data;
  const firm = firmQ.data;
  if (!catalog || !firm) return <Skeleton active paragraph={{ rows: 8 }} />;

  const years = yearsOf(firm, historyQ.data);

  /** The readable name of a path: 研发费用（2025年）, 知识产权, 成立日期. */
  const labelOf = (path: string): string => {
    const y = /^years\.(\d{4})\.(\w+)$/.exec(path);
    if (y) return t('portal.profile.yearLabel', { label: pick(catalog.yearly[y[2]!]?.label), year: y[1]! });
    const list = catalog.lists[path];
    if (list) return pick(list.label);
    return pick(defOf(catalog, path)?.label) || path;
  };

  /** A value in the history drawer. */
  const renderValue = (path: string) => (value: unknown) => {
    if (value === null || value === undefined) return t('portal.history.cleared');
    const list = catalog.lists[path];
    if (list && Array.isArray(value))
      return value.length === 0 ? (
        t('portal.list.none')
      ) : (
        <ol style={{ margin: 0, paddingInlineStart: 20, fontWeight: 'normal' }}>
          {value.map((item, i) => (
            <li key={i}>{itemText(list, item as Record<string, unknown>, t, pick)}</li>
          ))}
        </ol>
      );
    const def = defOf(catalog, path);
    return formatValue(value as string | number | boolean, def?.unit, t);
  };

  const historyOf = (path: string) => ({
    entry: standing.get(path),
    count: byPath.get(path)?.length ?? 0,
    onHistory: () => setHistory(path),
  });

  /** A value with its source badge and its edit button. */
  const cell = (path: string, def: FactDef, shown: ReactNode) => (
    <span className="hq-cell">
      <span className="hq-cell-value">{shown}</span>
      <SourceBadge {...historyOf(path)} />
      {editable && (
        <Button
          type="text"
          size="small"
          icon={<EditOutlined aria-hidden />}
          onClick={() => setEditing(path)}
          data-testid={`edit-${path}`}
          aria-label={t('portal.profile.edit', { label: labelOf(path) })}
          title={t('portal.profile.edit', { label: labelOf(path) })}
        />
      )}
    </span>
  );

  const scalarText = (path: string, def: FactDef) => {
    const v = valueAt(firm, path);
    if (path === 'regionCode' && typeof v === 'string' && v === firm.regionCode && firm.regionName)
      return `${firm.regionName}（${v}）`;
    return v === undefined ? '—' : formatValue(v as string | number | boolean, def.unit, t);
  };

  const scalarItems = (keys: string[]) =>
    keys
      .filter((k) => catalog.scalars[k])
      .map((k) => {
        const def = catalog.scalars[k]!;
        return { key: k, label: pick(def.label), children: cell(k, def, scalarText(k, def)) };
      });

  const otherScalars = Object.keys(catalog.scalars).filter((k) => k !== 'uscc' && !BASIC.includes(k));
  const yearlyKeys = Object.keys(catalog.yearly);

  const yearColumns = [
    {
      key: 'fact',
      title: t('portal.profile.fact'),
      fixed: 'left' as const,
      width: 150,
      render: (_: unknown, row: { key: string }) => {
        const def = catalog.yearly[row.key]!;
        const unit = inputUnit(def, t);
        return unit ? `${pick(def.label)}（${unit}）` : pick(def.label);
      },
    },
    ...years.map((y) => ({
      key: y,
      title: (
        <Space size={4}>
          <span>{t('portal.profile.fiscalYear', { year: y })}</span>
          {editable && (
            <Button
              type="link"
              size="small"
              onClick={() => setYear({ year: y })}
              data-testid={`edit-year-${y}`}
              aria-label={t('portal.year.editTitle', { year: y })}
            >
              {t('portal.year.edit')}
            </Button>
          )}
        </Space>
      ),
      render: (_: unknown, row: { key: string }) => {
        const def = catalog.yearly[row.key]!;
        const path = `years.${y}.${row.key}`;
        return cell(path, def, cellText(valueAt(firm, path), def, t));
      },
    })),
  ];

  const editingDef = editing ? defOf(catalog, editing) : undefined;

  return (
    <div className="hq-profile" data-testid="profile">
      <style>{CSS}</style>
      <Card size="small" title={t('portal.profile.basic')}>
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'uscc', label: pick(catalog.scalars.uscc?.label), children: firm.uscc },
            ...scalarItems(BASIC),
          ]}
          data-testid="profile-basic"
        />
      </Card>

      <Card
        size="small"
        title={t('portal.profile.years')}
        data-testid="profile-years"
        extra={
          editable && (
            <Button
              size="small"
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setYear({})}
              data-testid="add-year"
            >
              {t('portal.year.add')}
            </Button>
          )
        }
      >
        {years.length === 0 ? (
          <Empty description={t('portal.profile.noYears')} />
        ) : (
          <Table
            size="small"
            bordered
            rowKey="key"
            pagination={false}
            dataSource={yearlyKeys.map((key) => ({ key }))}
            columns={yearColumns}
            scroll={{ x: 'max-content' }}
            data-testid="profile-table"
          />
        )}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
          {t('portal.profile.sourceHint')}
        </Typography.Paragraph>
      </Card>

      <Card
        size="small"
        title={t('portal.profile.lists')}
        styles={{ body: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 12 } }}
      >
        {Object.entries(catalog.lists).map(([name, def]) => (
          <ListSection
            key={name}
            uscc={uscc}
            mode={mode}
            editable={editable}
            name={name}
            def={def}
            items={Array.isArray(firm[name]) ? (firm[name] as Record<string, unknown>[]) : []}
            standing={standing.get(name)}
            onHistory={() => setHistory(name)}
            historyCount={byPath.get(name)?.length ?? 0}
            onSaved={onSaved}
          />
        ))}
      </Card>

      <Card size="small" title={t('portal.profile.other')}>
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 1, md: 2 }}
          items={scalarItems(otherScalars)}
          data-testid="profile-other"
        />
      </Card>

      <Card size="small" title={t('portal.profile.compliance')}>
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 1, md: 2 }}
          items={Object.entries(catalog.compliance).map(([k, def]) => {
            const path = `compliance.${k}`;
            const v = valueAt(firm, path);
            const shown = v === undefined ? t('portal.profile.noneDeclared') : formatValue(v as boolean, null, t);
            return { key: k, label: pick(def.label), children: cell(path, def, shown) };
          })}
          data-testid="profile-compliance"
        />
      </Card>

      {editing && editingDef && (
        <EditFactModal
          uscc={uscc}
          mode={mode}
          path={editing}
          label={labelOf(editing)}
          def={editingDef}
          value={valueAt(firm, editing)}
          onClose={() => setEditing(null)}
          onSaved={onSaved}
        />
      )}
      {year && (
        <EditYearModal
          uscc={uscc}
          mode={mode}
          catalog={catalog}
          firm={firm as Enterprise}
          year={year.year}
          onClose={() => setYear(null)}
          onSaved={onSaved}
        />
      )}
      <HistoryDrawer
        open={history !== null}
        title={history ? labelOf(history) : ''}
        entries={history ? (byPath.get(history) ?? []) : []}
        current={history ? standing.get(history) : undefined}
        render={renderValue(history ?? '')}
        onClose={() => setHistory(null)}
      />
    </div>
  );
}
