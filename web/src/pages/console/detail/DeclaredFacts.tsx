/**
 * 待核实的企业申报: the facts only the firm's own word supports that would decide its open claims,
 * each with the firm's value beside the one on record and its source. 核实通过 (with a reason)
 * records the firm's value as the reviewer's; the claim then pays once the firm checks again.
 */
import { CheckOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useClaims, useRefreshDelivery, type Claim } from '../../../components/delivery/index.ts';
import { enumLabel, factOfPath, labelOfPath, useFactCatalog } from '../../../components/evaluation/index.ts';
import {
  profileKeys,
  SourceTag,
  useEnterprise,
  useFactHistory,
  type Enterprise,
  type FactEntry,
} from '../../../components/profile/index.ts';
import { valueAt } from '../../../components/profile/data.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { FormDialog } from '../review/FormDialog.tsx';
import { useMove } from '../review/failure.ts';
import { useFactValue, when } from './FactHistory.tsx';

interface Declared {
  path: string;
  /** The policies whose claims wait on it. */
  claims: Claim[];
  /** The firm's latest own entry. */
  declared: FactEntry | undefined;
  /** The latest entry holding the value that stands in the profile. */
  onRecord: FactEntry | undefined;
  /** A reviewer has taken the firm's value since it was declared: the firm's claim waits on its recheck. */
  verified: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The facts awaiting verification across the firm's open invitations, each with what the ledger says. */
function declaredFacts(claims: Claim[], firm: Enterprise, history: FactEntry[]): Declared[] {
  const byPath = new Map<string, Claim[]>();
  for (const c of claims) for (const p of c.unverified ?? []) byPath.set(p, [...(byPath.get(p) ?? []), c]);
  return [...byPath].map(([path, waiting]) => {
    const entries = history.filter((e) => e.path === path);
    const declaredAt = entries.findLastIndex((e) => e.source === 'self');
    const standing = valueAt(firm, path);
    return {
      path,
      claims: waiting,
      declared: entries[declaredAt],
      onRecord: standing === undefined ? undefined : entries.findLast((e) => same(e.value, standing)),
      verified: declaredAt >= 0 && entries.slice(declaredAt + 1).some((e) => e.source === 'reviewer'),
    };
  });
}

/** The card, shown only while some open claim of the firm waits on verification. */
export function DeclaredFacts({ uscc, onVerified }: { uscc: string; onVerified: () => void }) {
  const { t, pick } = useI18n();
  const show = useShownValue();
  const qc = useQueryClient();
  const claims = useClaims({ uscc, status: 'invited', pageSize: 100 }).data?.items;
  const firm = useEnterprise(uscc).data;
  const history = useFactHistory(uscc).data;
  const [verifying, setVerifying] = useState<string | null>(null);
  const rows = claims && firm && history ? declaredFacts(claims, firm, history) : [];
  if (rows.length === 0) return null;
  return (
    <Card title={t('console.declared.title')} data-testid="declared-facts">
      <Typography.Paragraph type="secondary">{t('console.declared.intro')}</Typography.Paragraph>
      <Table<Declared>
        size="small"
        rowKey="path"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        columns={[
          { key: 'fact', title: t('console.declared.fact'), render: (_, r) => <FactName path={r.path} /> },
          {
            key: 'declared',
            title: t('console.declared.claim'),
            render: (_, r) =>
              r.declared ? (
                <span data-testid="declared-value">
                  {show(r.path, r.declared.value)}
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {when(r.declared.recordedAt)}
                  </Typography.Text>
                </span>
              ) : (
                '—'
              ),
          },
          {
            key: 'record',
            title: t('console.declared.record'),
            render: (_, r) =>
              r.onRecord ? (
                <span data-testid="record-value">
                  {show(r.path, r.onRecord.value)} <SourceTag source={r.onRecord.source} />
                </span>
              ) : (
                t('console.declared.none')
              ),
          },
          {
            key: 'claims',
            title: t('console.declared.policies'),
            render: (_, r) => r.claims.map((c) => <Tag key={c.id}>{c.policy ? pick(c.policy.title) : c.policyId}</Tag>),
          },
          {
            key: 'action',
            title: t('console.declared.action'),
            render: (_, r) =>
              r.verified ? (
                <Tag color="green" data-testid="declared-verified">
                  {t('console.declared.verified')}
                </Tag>
              ) : (
                <Button
                  size="small"
                  type="primary"
                  icon={<CheckOutlined aria-hidden />}
                  disabled={!r.declared}
                  onClick={() => setVerifying(r.path)}
                  data-testid={`verify-${r.path}`}
                >
                  {t('console.declared.verify')}
                </Button>
              ),
          },
        ]}
      />
      {verifying && (
        <VerifyDialog
          uscc={uscc}
          path={verifying}
          onClose={() => setVerifying(null)}
          onVerified={() => {
            setVerifying(null);
            // The profile tab and this card read the firm's record and history afresh.
            void qc.invalidateQueries({ queryKey: profileKeys.all(uscc) });
            onVerified();
          }}
        />
      )}
    </Card>
  );
}

function FactName({ path }: { path: string }) {
  const { pick } = useI18n();
  const catalog = useFactCatalog().data;
  return <>{pick(labelOfPath(catalog, path))}</>;
}

/** A declared value as it reads: a list of titles by their kinds, another list by its count. */
function useShownValue() {
  const { t } = useI18n();
  const catalog = useFactCatalog().data;
  const show = useFactValue();
  return (path: string, v: unknown): string => {
    if (!Array.isArray(v)) return show(factOfPath(catalog, path), v);
    const kinds = v.map((item: { kind?: unknown }) => (typeof item?.kind === 'string' ? item.kind : null));
    return kinds.length > 0 && kinds.every((k) => k !== null)
      ? kinds.map((k) => enumLabel(k!, t)).join('、')
      : t('console.history.items', { n: v.length });
  };
}

function VerifyDialog({
  uscc,
  path,
  onClose,
  onVerified,
}: {
  uscc: string;
  path: string;
  onClose: () => void;
  onVerified: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const catalog = useFactCatalog().data;
  const refresh = useRefreshDelivery();
  const [form] = Form.useForm<{ reason: string }>();
  const move = useMove<{ paths: string[]; reason: string }>(
    `/api/v1/enterprises/${encodeURIComponent(uscc)}/facts/verify`,
    () => {
      message.success(t('console.declared.done'));
      refresh();
      onVerified();
    },
    onClose,
  );
  return (
    <FormDialog<{ reason: string }>
      title={t('console.declared.dialog', { fact: pick(labelOfPath(catalog, path)) })}
      name="verify"
      form={form}
      initialValues={{ reason: t('console.declared.defaultReason') }}
      onFinish={(v) => move.run({ paths: [path], reason: v.reason.trim() })}
      onClose={onClose}
      saving={move.saving}
      confirm={t('console.declared.verify')}
      confirmTestId="verify-confirm"
      failure={move.failure}
    >
      <Typography.Paragraph>{t('console.declared.dialogText')}</Typography.Paragraph>
      <Form.Item
        name="reason"
        label={t('console.declared.reason')}
        rules={[{ required: true, whitespace: true, message: t('console.declared.reasonRequired') }]}
      >
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
    </FormDialog>
  );
}
