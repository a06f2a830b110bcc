/**
 * 通过 / 退回补正 / 不予通过, confirmed in a dialog with the level's note: optional when approving,
 * required when returning (what the firm must correct) or rejecting (why).
 */
import { App, Form, Input, Typography } from 'antd';
import { useI18n } from '../../../i18n/index.tsx';
import type { ApplicationDetail } from '../../../components/recognition/index.ts';
import { FormDialog } from './FormDialog.tsx';
import { useMove } from './failure.ts';

export type Decision = 'approve' | 'return' | 'reject';

export function DecisionDialog({
  app,
  decision,
  onClose,
}: {
  app: ApplicationDetail;
  decision: Decision;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const move = useMove<{ action: Decision; version: number; note?: string }>(
    `/api/v1/applications/${app.id}/review`,
    () => {
      message.success(t(`review.decision.${decision}.done`));
      onClose();
    },
    onClose,
  );
  const last = app.level === app.batch.levels[app.batch.levels.length - 1];
  const rules =
    decision === 'approve'
      ? []
      : [{ required: true, whitespace: true, message: t(`review.decision.${decision}.required`) }];
  return (
    <FormDialog
      title={t(`review.decision.${decision}.title`)}
      name="review"
      form={form}
      onClose={onClose}
      onFinish={(v) => move.run({ action: decision, version: app.version, note: v.note?.trim() || undefined })}
      saving={move.saving}
      confirm={t(`review.decision.${decision}`)}
      confirmTestId="review-confirm"
      danger={decision === 'reject'}
      failure={move.failure}
    >
      <Typography.Paragraph>
        {decision === 'approve'
          ? t(last ? 'review.decision.approve.last' : 'review.decision.approve.next')
          : t(`review.decision.${decision}.hint`, { days: app.batch.correctionDays })}
      </Typography.Paragraph>
      <Form.Item name="note" label={t(`review.decision.${decision}.note`)} rules={rules}>
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="review-note" />
      </Form.Item>
    </FormDialog>
  );
}
