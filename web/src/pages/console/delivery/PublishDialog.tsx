/**
 * 发布名单: says how many firms get an offer and how many an invitation to supply facts, takes an
 * optional deadline (the policy's days to respond when empty), and publishes.
 */
import { App, Form, Typography } from 'antd';
import type { RewardTerms, Screening } from '../../../components/delivery/index.ts';
import { formatNumber } from '../../../format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { DateField } from '../review/DateField.tsx';
import { FormDialog } from '../review/FormDialog.tsx';
import { useDeliveryMove } from './move.ts';

interface Published {
  offered: number;
  invited: number;
  respondBy: string;
}

export function PublishDialog({
  screening,
  reward,
  onClose,
}: {
  screening: Screening;
  reward: RewardTerms | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ respondBy?: string }>();
  const move = useDeliveryMove<{ respondBy?: string }, Published>(`/api/v1/screenings/${screening.id}/publish`, (r) => {
    message.success(t('delivery.publish.done', { ...r, date: r.respondBy }));
    onClose();
  });
  return (
    <FormDialog
      title={t('delivery.publish.title')}
      name="publish"
      form={form}
      onClose={onClose}
      onFinish={(v) => move.run({ respondBy: v.respondBy })}
      saving={move.saving}
      confirm={t('delivery.publish.confirm')}
      confirmTestId="publish-confirm"
      failure={move.failure}
      testId="publish-form"
    >
      <Typography.Paragraph data-testid="publish-text">
        {t('delivery.publish.text', {
          offers: formatNumber(screening.counts.qualified ?? 0),
          invites: formatNumber(screening.counts.undetermined ?? 0),
        })}
      </Typography.Paragraph>
      <Form.Item
        name="respondBy"
        label={t('delivery.publish.respondBy')}
        extra={reward ? t('delivery.publish.respondByHint', { days: reward.respondWithinDays }) : undefined}
      >
        <DateField data-testid="publish-respond-by" />
      </Form.Item>
    </FormDialog>
  );
}
