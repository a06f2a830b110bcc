/**
 * 佐证材料: the claims of the firm's profile that count, grouped (IP, financial figures,
 * certificates, other), each with its files and — while the application can change — an upload
 * button; files filed under a claim the profile no longer has stay listed below so that they can
 * still be seen and removed.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Skeleton, Space, Typography } from 'antd';
import { api, ApiError } from '../../api.ts';
import { useEnterprise } from '../../components/profile/index.ts';
import { EvidenceList, type ApplicationDetail } from '../../components/recognition/index.ts';
import { useI18n } from '../../i18n/index.tsx';
import { claimsOf, isEditable } from './claims.ts';
import { useClaimText } from './claimText.ts';
import { EvidenceClaim } from './EvidenceClaim.tsx';

const styles = `
.hq-claim { padding: 12px 0; border-bottom: 1px solid #f0f0f0; }
.hq-claim:last-child { border-bottom: none; }
.hq-claim-head { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; justify-content: space-between; }
`;

/** Removes a file (after asking) and reads the application again. */
function useRemove(app: ApplicationDetail) {
  const { t, pick } = useI18n();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: number) => api<void>(`/api/v1/evidence/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      void message.success(t('apply.evidence.removed'));
      void qc.invalidateQueries({ queryKey: ['application', app.id] });
    },
    onError: (e) => void message.error(e instanceof ApiError ? pick(e.text) : String(e)),
  });
  return (id: number) =>
    modal.confirm({
      title: t('apply.evidence.removeConfirm', { name: app.evidence.find((e) => e.id === id)?.fileName ?? id }),
      okText: t('evidence.remove'),
      okButtonProps: { danger: true },
      cancelText: t('apply.cancel'),
      onOk: () => remove.mutateAsync(id).catch(() => undefined),
    });
}

export function EvidenceSection({ app }: { app: ApplicationDetail }) {
  const { t } = useI18n();
  const firm = useEnterprise(app.uscc).data;
  const editable = isEditable(app.status);
  const remove = useRemove(app);
  const onRemove = editable ? remove : undefined;
  const all = firm ? claimsOf(firm, app.batch.asOf) : [];
  const listed = new Set(all.map((c) => c.claim));
  // Once submitted, only the claims that have files are worth a line.
  const claims = editable ? all : all.filter((c) => app.evidence.some((e) => e.claim === c.claim));
  const unlisted = app.evidence.filter((e) => !listed.has(e.claim));

  const { describe, heading } = useClaimText();
  const groups = (['ip', 'years', 'honors', 'other'] as const)
    .map((g) => ({ group: g, claims: claims.filter((c) => c.group === g) }))
    .filter((g) => g.claims.length > 0);

  return (
    <Card
      title={t('evidence.title')}
      data-testid="application-evidence"
      extra={
        <Typography.Text type="secondary">{t('apply.evidence.count', { n: app.evidence.length })}</Typography.Text>
      }
    >
      <style>{styles}</style>
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        {editable ? (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('apply.evidence.intro')}
          </Typography.Paragraph>
        ) : (
          <Alert type="info" showIcon title={t('apply.evidence.locked')} />
        )}
        {!firm && <Skeleton active paragraph={{ rows: 4 }} />}
        {groups.map(({ group, claims: inGroup }) => (
          <section key={group} aria-label={heading[group]}>
            {/* `other` is a single claim: its own label is its heading. */}
            {group !== 'other' && (
              <Typography.Title level={5} style={{ marginTop: 8, marginBottom: 0 }}>
                {heading[group]}
              </Typography.Title>
            )}
            {inGroup.map((c) => (
              <EvidenceClaim
                key={c.claim}
                applicationId={app.id}
                claim={c.claim}
                {...describe(c)}
                evidence={app.evidence}
                onRemove={onRemove}
              />
            ))}
          </section>
        ))}
        {unlisted.length > 0 && (
          <section aria-label={t('apply.evidence.unlisted')} data-testid="evidence-unlisted">
            <Typography.Title level={5} style={{ marginTop: 8 }}>
              {t('apply.evidence.unlisted')}
            </Typography.Title>
            <EvidenceList items={unlisted} onRemove={onRemove} />
          </section>
        )}
      </Space>
    </Card>
  );
}
