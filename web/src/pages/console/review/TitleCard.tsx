/**
 * The title an application led to: certificate number, validity and state (read from the public
 * register, which works the state out), and 撤销称号 for the deciding level while it is valid — on
 * one of the grounds the edition's recognition terms name, each barring new applications for as
 * long as the terms say.
 */
import { StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Form, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/index.tsx';
import { usePolicy } from '../../../components/evaluation/index.ts';
import { TitleStateTag, useTitle } from '../../../components/recognition/index.ts';
import { FormDialog } from './FormDialog.tsx';
import { useMove } from './failure.ts';
import { termsOn, type RevocationGround } from './terms.ts';

export function TitleCard({ titleId, mayRevoke }: { titleId: number; mayRevoke: boolean }) {
  const { t, pick } = useI18n();
  const title = useTitle(titleId).data;
  const doc = usePolicy(title?.policyId).data;
  const [revoking, setRevoking] = useState(false);
  if (!title) return null;
  // The terms it was granted under: the edition in force when it started.
  const grounds = termsOn(doc, title.validFrom)?.revocation ?? {};
  return (
    <Card
      title={t('review.title.heading')}
      data-testid="title-card"
      extra={
        mayRevoke &&
        title.state === 'valid' && (
          <Button
            danger
            icon={<StopOutlined aria-hidden />}
            onClick={() => setRevoking(true)}
            data-testid="revoke-open"
          >
            {t('review.revoke.open')}
          </Button>
        )
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          {
            key: 'no',
            label: t('title.certificateNo'),
            children: (
              <Typography.Text code copyable data-testid="certificate-no">
                {title.certificateNo}
              </Typography.Text>
            ),
          },
          { key: 'state', label: t('review.title.state'), children: <TitleStateTag state={title.state} /> },
          { key: 'validity', label: t('review.title.validity'), children: `${title.validFrom} ~ ${title.validTo}` },
          { key: 'edition', label: t('review.title.edition'), children: title.edition },
          ...(title.revokedOn
            ? [
                { key: 'revokedOn', label: t('review.title.revokedOn'), children: title.revokedOn },
                {
                  key: 'reason',
                  label: t('review.revoke.reason'),
                  children: title.revokedReason
                    ? pick(grounds[title.revokedReason]?.label) || title.revokedReason
                    : '—',
                },
                { key: 'barred', label: t('review.title.barredUntil'), children: title.barredUntil ?? '—' },
              ]
            : []),
        ]}
      />
      {revoking && <RevokeDialog titleId={title.id} grounds={grounds} onClose={() => setRevoking(false)} />}
    </Card>
  );
}

function RevokeDialog({
  titleId,
  grounds,
  onClose,
}: {
  titleId: number;
  grounds: Record<string, RevocationGround>;
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string; note?: string }>();
  const move = useMove<{ reason: string; note: string }>(
    `/api/v1/titles/${titleId}/revoke`,
    () => {
      message.success(t('review.revoke.done'));
      onClose();
    },
    onClose,
  );
  const bar = (g: RevocationGround) => {
    const years = /^(\d+)y$/.exec(g.value);
    return years ? t('review.revoke.barYears', { n: years[1]! }) : t('review.revoke.noBar');
  };
  return (
    <FormDialog
      title={t('review.revoke.title')}
      name="revoke"
      form={form}
      onClose={onClose}
      onFinish={(v) => move.run({ reason: v.reason!, note: v.note!.trim() })}
      saving={move.saving}
      confirm={t('review.revoke.confirm')}
      confirmTestId="revoke-confirm"
      danger
      failure={move.failure}
    >
      <Typography.Paragraph>{t('review.revoke.hint')}</Typography.Paragraph>
      <Form.Item
        name="reason"
        label={t('review.revoke.reason')}
        rules={[{ required: true, message: t('review.revoke.reasonRequired') }]}
      >
        {/* Radios, not a select: each ground reads in full, even on a phone. */}
        <Radio.Group data-testid="revoke-reason">
          <Space orientation="vertical">
            {Object.entries(grounds).map(([key, g]) => (
              <Radio key={key} value={key}>
                {pick(g.label)}（{bar(g)}）
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="note"
        label={t('review.revoke.note')}
        rules={[{ required: true, whitespace: true, message: t('review.revoke.noteRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="revoke-note" />
      </Form.Item>
    </FormDialog>
  );
}
