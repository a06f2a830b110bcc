/** 发起筛查: the policy over the officer's region as of a date (today when left empty), queued at once. */
import { App, Form, Typography } from 'antd';
import type { Screening } from '../../../components/delivery/index.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { DateField } from '../review/DateField.tsx';
import { FormDialog } from '../review/FormDialog.tsx';
import { useDeliveryMove } from './move.ts';

export function StartScreening({
  policy,
  onClose,
  onStarted,
}: {
  policy: string;
  onClose: () => void;
  onStarted: (id: number) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ asOf?: string }>();
  const move = useDeliveryMove<{ policyId: string; asOf?: string }, Screening>('/api/v1/screenings', (s) => {
    message.success(t('delivery.screen.started'));
    onStarted(s.id);
  });
  return (
    <FormDialog
      title={t('delivery.screen.startTitle')}
      name="screening"
      form={form}
      onClose={onClose}
      onFinish={(v) => move.run({ policyId: policy, asOf: v.asOf })}
      saving={move.saving}
      confirm={t('delivery.screen.start')}
      confirmTestId="screening-start-confirm"
      failure={move.failure}
    >
      <Form.Item name="asOf" label={t('delivery.screen.asOf')}>
        <DateField data-testid="screening-as-of" />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t('delivery.screen.asOfHint')}</Typography.Paragraph>
    </FormDialog>
  );
}
