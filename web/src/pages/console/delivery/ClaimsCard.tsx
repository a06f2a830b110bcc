/**
 * 兑现事项: the policy's claims in the officer's region, by status, a page at a time, with what each
 * firm answered (its account) and how it was paid; 登记支付 on a confirmed claim records one payment,
 * the payment sheet above records many.
 */
import { Button, Card, Select, Space, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  CLAIM_STATUSES,
  ClaimStatusTag,
  useClaims,
  type Claim,
  type ClaimStatus,
} from '../../../components/delivery/index.ts';
import { formatNumber, formatWan } from '../../../format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { QueryError } from '../../../layout/ErrorPage.tsx';
import { PaymentDialog } from './PaymentDialog.tsx';
import { PaymentSheet } from './PaymentSheet.tsx';

const payable = (c: Claim) => c.status === 'confirmed' || c.status === 'payment_failed';

export function ClaimsCard({ policy }: { policy: string }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<ClaimStatus | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [paying, setPaying] = useState<Claim | null>(null);
  const list = useClaims({ policy, status, ...paging });
  if (list.isError && !list.data) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <Card title={t('delivery.claims.title')} data-testid="delivery-claims">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <PaymentSheet policy={policy} />
        <Space wrap>
          <label htmlFor="claims-status">{t('delivery.claims.status')}</label>
          <Select
            id="claims-status"
            data-testid="claims-status"
            allowClear
            style={{ width: 160 }}
            placeholder={t('delivery.claims.any')}
            value={status}
            options={CLAIM_STATUSES.map((s) => ({ value: s, label: t(`claim.status.${s}`) }))}
            onChange={(s?: ClaimStatus) => {
              setStatus(s);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
          />
        </Space>
        <Table<Claim>
          data-testid="claims-table"
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('delivery.claims.empty') }}
          onRow={(c) => ({ 'data-testid': `claim-row-${c.id}`, 'data-uscc': c.uscc }) as HTMLAttributes<HTMLElement>}
          columns={[
            {
              key: 'firm',
              title: t('delivery.claims.col.firm'),
              render: (_, c) => <Link to={`/console/enterprises/${c.uscc}`}>{c.firmName ?? c.uscc}</Link>,
            },
            {
              key: 'amount',
              title: t('delivery.claims.col.amount'),
              align: 'right',
              render: (_, c) => formatWan(c.amount),
            },
            {
              key: 'status',
              title: t('delivery.claims.col.status'),
              render: (_, c) => <ClaimStatusTag status={c.status} />,
            },
            { key: 'respondBy', title: t('delivery.claims.col.respondBy'), dataIndex: 'respondBy' },
            {
              key: 'account',
              title: t('delivery.claims.col.account'),
              render: (_, c) =>
                c.accountNo ? (
                  <Typography.Text style={{ whiteSpace: 'nowrap' }}>
                    {c.bankName} · {c.accountNo}
                  </Typography.Text>
                ) : (
                  '—'
                ),
            },
            {
              key: 'payment',
              title: t('delivery.claims.col.payment'),
              render: (_, c) => (c.paidOn ? `${c.paidOn} · ${c.paymentRef ?? ''}` : '—'),
            },
            {
              key: 'action',
              title: t('delivery.claims.col.action'),
              render: (_, c) =>
                payable(c) ? (
                  <Button size="small" onClick={() => setPaying(c)} data-testid={`claim-pay-${c.id}`}>
                    {t('delivery.claims.pay')}
                  </Button>
                ) : null,
            },
          ]}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (n) => t('delivery.claims.total', { n: formatNumber(n) }),
            onChange: (page, pageSize) => setPaging({ page: pageSize !== paging.pageSize ? 1 : page, pageSize }),
          }}
        />
      </Space>
      {paying && <PaymentDialog policy={policy} claim={paying} onClose={() => setPaying(null)} />}
    </Card>
  );
}
