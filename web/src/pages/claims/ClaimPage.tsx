/**
 * One of the firm's claims (/claims/:id), reached from its inbox: the policy, the amount, whom to
 * ask and by when to answer; then what the firm can do now — confirm an offer with its account in
 * one go, or supply the facts an invitation asks for and have it checked again — or, once done,
 * where the payment stands.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Skeleton, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ClaimStatusTag, useClaim, type Claim } from '../../components/delivery/index.ts';
import { formatWan } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorPage, QueryError } from '../../layout/ErrorPage.tsx';
import { ConfirmForm } from './ConfirmForm.tsx';
import { SupplyFacts } from './SupplyFacts.tsx';

export default function ClaimPage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <ErrorPage kind="404" />;
  return <ClaimView id={id} />;
}

function ClaimView({ id }: { id: number }) {
  const { t } = useI18n();
  const query = useClaim(id);
  const claim = query.data;
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="claim-page">
      <Link to="/claims">
        <ArrowLeftOutlined aria-hidden /> {t('claim.back')}
      </Link>
      {!claim ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : (
        <>
          <Header claim={claim} />
          {claim.status === 'offered' && <ConfirmForm claim={claim} />}
          {claim.status === 'invited' && <SupplyFacts claim={claim} />}
          <Outcome claim={claim} />
        </>
      )}
    </Space>
  );
}

function Header({ claim }: { claim: Claim }) {
  const { t, pick } = useI18n();
  return (
    <Card data-testid="claim-header" data-status={claim.status}>
      <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 8 }}>
        {claim.policy ? pick(claim.policy.title) : claim.policyId}
      </Typography.Title>
      <Space size={[8, 8]} wrap style={{ marginBottom: 16 }}>
        <ClaimStatusTag status={claim.status} />
        <Typography.Text type="secondary">{t('claim.heading', { id: claim.id })}</Typography.Text>
      </Space>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          {
            key: 'amount',
            label: t('claim.amount'),
            children: (
              <Typography.Text strong data-testid="claim-amount" data-yuan={claim.amount ?? ''}>
                {claim.amount === null ? '—' : t('claim.amountValue', { amount: formatWan(claim.amount) })}
              </Typography.Text>
            ),
          },
          { key: 'respondBy', label: t('claim.respondBy'), children: claim.respondBy },
          { key: 'firm', label: t('claim.firm'), children: claim.firmName ?? claim.uscc },
          {
            key: 'office',
            label: t('claim.office'),
            children: claim.policy?.office ? pick(claim.policy.office) : '—',
          },
          {
            key: 'phone',
            label: t('claim.phone'),
            children: claim.policy?.phone ?? t('claim.phone.none'),
          },
          {
            key: 'policy',
            label: t('claim.policy'),
            children: <Link to={`/policies/${encodeURIComponent(claim.policyId)}`}>{t('claim.toPolicy')}</Link>,
          },
        ]}
      />
    </Card>
  );
}

/** Where a claim the firm has answered (or that has closed) stands. */
function Outcome({ claim }: { claim: Claim }) {
  const { t } = useI18n();
  const account = claim.accountNo
    ? t('claim.account', { bank: claim.bankName ?? '', name: claim.accountName ?? '', no: claim.accountNo })
    : null;
  const shown = (() => {
    switch (claim.status) {
      case 'confirmed':
        return { type: 'info' as const, title: t('claim.confirmed.text'), text: account };
      case 'paid':
        return {
          type: 'success' as const,
          title: t('claim.paid.text', { date: claim.paidOn ?? '—', ref: claim.paymentRef ?? '—' }),
          text: account,
        };
      case 'payment_failed':
        return { type: 'error' as const, title: t('claim.payment_failed.text'), text: account };
      case 'declined':
        return { type: 'info' as const, title: t('claim.declined.text'), text: null };
      case 'expired':
        return { type: 'warning' as const, title: t('claim.expired.text', { date: claim.respondBy }), text: null };
      case 'ineligible':
        return { type: 'warning' as const, title: t('claim.ineligible.text'), text: null };
      default:
        return null;
    }
  })();
  if (!shown) return null;
  return (
    <Alert
      showIcon
      type={shown.type}
      data-testid="claim-outcome"
      data-status={claim.status}
      title={shown.title}
      description={shown.text}
    />
  );
}
