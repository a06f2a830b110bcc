/**
 * What the firm can do now: a draft is signed and submitted; a returned one is resubmitted with an
 * optional note; either may be withdrawn (after a confirmation, as it cannot be undone in the
 * batch). Otherwise the card says where the application stands and shows the pledge as signed.
 */
import { App, Button, Card, Divider, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import type { EvaluationData } from '../../components/evaluation/index.ts';
import type { ApplicationDetail } from '../../components/recognition/index.ts';
import { formatTime } from '../../components/profile/Source.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { isEditable } from './claims.ts';
import { MoveError, useMove } from './moves.tsx';
import { PledgeForm, PledgeText } from './PledgeForm.tsx';

export function ActionsCard({ app, evaluation }: { app: ApplicationDetail; evaluation: EvaluationData | undefined }) {
  const { t } = useI18n();
  return (
    <Card title={t('apply.actions.title')} data-testid="application-actions">
      {app.status === 'draft' ? (
        <PledgeForm app={app} evaluation={evaluation} />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {app.status === 'returned' ? (
            <Resubmit app={app} evaluation={evaluation} />
          ) : (
            <Typography.Paragraph style={{ margin: 0 }}>
              <StateLine app={app} />
            </Typography.Paragraph>
          )}
          {app.pledge && (
            <PledgeText>
              <Typography.Paragraph>{app.pledge.text}</Typography.Paragraph>
              <Typography.Text type="secondary" data-testid="pledge-signed">
                {t('apply.pledge.signed', { signer: app.pledge.signer, time: formatTime(app.pledge.signedAt) })}
              </Typography.Text>
            </PledgeText>
          )}
        </Space>
      )}
      {isEditable(app.status) && (
        <>
          <Divider />
          <Withdraw app={app} />
        </>
      )}
    </Card>
  );
}

/** Where an application the firm cannot act on stands. */
function StateLine({ app }: { app: ApplicationDetail }) {
  const { t } = useI18n();
  switch (app.status) {
    case 'in_review':
      return <>{t('apply.state.in_review', { level: app.level ? t(`app.level.${app.level}`) : '' })}</>;
    case 'approved':
    case 'in_notice':
      return <>{t(`apply.state.${app.status}`)}</>;
    default:
      return <>{t('apply.state.done')}</>;
  }
}

function Resubmit({ app, evaluation }: { app: ApplicationDetail; evaluation: EvaluationData | undefined }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const resubmit = useMove<{ version: number; note?: string }>(app.id, `/api/v1/applications/${app.id}/resubmit`);
  return (
    <Form
      layout="vertical"
      onFinish={() =>
        resubmit.send({ version: app.version, ...(note.trim() ? { note: note.trim() } : {}) }, () => {
          void message.success(t('apply.resubmit.done'));
          setNote('');
        })
      }
    >
      <Form.Item label={t('apply.resubmit.note')} htmlFor="resubmit-note">
        <Input.TextArea
          id="resubmit-note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={2000}
          autoSize={{ minRows: 2, maxRows: 6 }}
          placeholder={t('apply.resubmit.placeholder')}
          data-testid="resubmit-note"
        />
      </Form.Item>
      <MoveError error={resubmit.error} evaluation={evaluation} />
      <Button
        type="primary"
        htmlType="submit"
        loading={resubmit.pending}
        data-testid="resubmit-application"
        style={{ marginTop: 12 }}
      >
        {t('apply.resubmit')}
      </Button>
    </Form>
  );
}

function Withdraw({ app }: { app: ApplicationDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const withdraw = useMove<{ version: number }>(app.id, `/api/v1/applications/${app.id}/withdraw`);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <MoveError error={withdraw.error} />
      <Popconfirm
        title={t('apply.withdraw.confirm')}
        okText={t('apply.withdraw')}
        okButtonProps={{ danger: true, ...{ 'data-testid': 'withdraw-confirm' } }}
        cancelText={t('apply.cancel')}
        onConfirm={() => withdraw.send({ version: app.version }, () => void message.success(t('apply.withdraw.done')))}
      >
        <Button danger loading={withdraw.pending} data-testid="withdraw-application">
          {t('apply.withdraw')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
