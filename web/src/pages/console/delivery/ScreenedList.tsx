/**
 * One list of a screening, a page at a time: the eligible with their amounts, the ineligible with
 * the conditions they fail (the policy's own titles), the undetermined with the facts they lack
 * (待补充) apart from those only the firm has declared (待核实), named from the fact catalog. Each
 * firm opens its record in the console.
 */
import { Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { useScreened, type Screened, type ScreenedVerdict } from '../../../components/delivery/index.ts';
import { labelOfPath, useFactCatalog } from '../../../components/evaluation/index.ts';
import { formatNumber, formatWan } from '../../../format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { QueryError } from '../../../layout/ErrorPage.tsx';

export function ScreenedList({ screening, verdict }: { screening: number; verdict: ScreenedVerdict }) {
  const { t, pick } = useI18n();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const list = useScreened(screening, verdict, paging.page, paging.pageSize);
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;

  const why: ColumnsType<Screened>[number] =
    verdict === 'qualified'
      ? {
          key: 'amount',
          title: t('delivery.col.amount'),
          align: 'right',
          render: (_, r) => formatWan(r.amount),
        }
      : verdict === 'not_qualified'
        ? {
            key: 'failed',
            title: t('delivery.col.failed'),
            render: (_, r) => r.failed.map((f) => <Tag key={f.id}>{pick(f.title)}</Tag>),
          }
        : {
            key: 'missing',
            title: t('delivery.col.missing'),
            render: (_, r) => (
              <Space orientation="vertical" size={4}>
                {r.unverified.length > 0 && (
                  <FactTags testId="unverified" label={t('delivery.unverified')} paths={r.unverified} color="orange" />
                )}
                {r.missing.length > 0 && <FactTags testId="missing" label={t('delivery.missing')} paths={r.missing} />}
              </Space>
            ),
          };

  return (
    <Table<Screened>
      data-testid={`screened-${verdict}`}
      rowKey="uscc"
      size="small"
      loading={list.isFetching}
      dataSource={list.data?.items ?? []}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('delivery.list.empty') }}
      columns={[
        {
          key: 'firm',
          title: t('delivery.col.firm'),
          render: (_, r) => <Link to={`/console/enterprises/${r.uscc}`}>{r.name ?? r.uscc}</Link>,
        },
        {
          key: 'uscc',
          title: t('delivery.col.uscc'),
          render: (_, r) => <Typography.Text code>{r.uscc}</Typography.Text>,
        },
        why,
      ]}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total: list.data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (n) => (
          <span data-testid={`screened-${verdict}-total`} data-total={n}>
            {t('delivery.claims.total', { n: formatNumber(n) })}
          </span>
        ),
        onChange: (page, pageSize) => setPaging({ page: pageSize !== paging.pageSize ? 1 : page, pageSize }),
      }}
    />
  );
}

/** "待核实：…" or "待补充：…" with a tag per fact, named from the fact catalog. */
function FactTags({ testId, label, paths, color }: { testId: string; label: string; paths: string[]; color?: string }) {
  const { pick } = useI18n();
  const catalog = useFactCatalog().data;
  return (
    <span data-testid={testId}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      {paths.map((m) => (
        <Tag key={m} color={color} data-fact={m}>
          {pick(labelOfPath(catalog, m))}
        </Tag>
      ))}
    </span>
  );
}
