/**
 * 登记支付 for one confirmed claim: paid (with the date and the payment reference) or failed (the
 * firm's account then needs checking), recorded through the JSON endpoint. A refused record keeps
 * the dialog open with the server's reason.
 */
import { App, Form, Input, Radio, Typography } from 'antd';
import type { Claim, PaymentOutcome } from '../../../components/delivery/index.ts';
import { localToday } from '../../../components/evaluation/index.ts';
import { formatWan } from '../../../format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { DateField } from '../review/DateField.tsx';
import { FormDialog } from '../review/FormDialog.tsx';
import { useDeliveryMove } from './move.ts';

interface Values {
  status: 'paid' | 'payment_failed';
  paidOn?: string;
  reference?: string;
  note?: string;
}

export function PaymentDialog({ policy, claim, onClose }: { policy: string; claim: Claim; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const paid = Form.useWatch('status', form) !== 'payment_failed';
  const move = useDeliveryMove<{ items: object[] }, PaymentOutcome>(
    `/api/v1/policies/${encodeURIComponent(policy)}/payments`,
    (r) => {
      // A refused record is an answer (200) with the reason in `errors`: shown as the dialog's failure.
      if (r.recorded === 0) throw new Error(r.errors.map((e) => e.message).join('；'));
      message.success(t('delivery.pay.done'));
      onClose();
    },
  );
  const firm = claim.firmName ?? claim.uscc;
  return (
    <FormDialog<Values>
      title={t('delivery.pay.title', { firm })}
      name="payment"
      form={form}
      onClose={onClose}
      onFinish={(v) =>
        move.run({
          items: [
            {
              claimId: claim.id,
              status: v.status,
              paidOn: v.status === 'paid' ? v.paidOn : undefined,
              reference: v.reference?.trim() || undefined,
              note: v.note?.trim() || undefined,
            },
          ],
        })
      }
      saving={move.saving}
      confirm={t('delivery.pay.confirm')}
      confirmTestId="payment-confirm"
      failure={move.failure}
      initialValues={{ status: 'paid', paidOn: localToday() }}
      testId="payment-form"
    >
      <Typography.Paragraph>
        {t('delivery.pay.amount', {
          amount: formatWan(claim.amount),
          account: `${claim.bankName ?? ''} ${claim.accountNo ?? ''}`.trim() || '—',
        })}
      </Typography.Paragraph>
      <Form.Item name="status" label={t('delivery.pay.result')}>
        <Radio.Group
          data-testid="payment-status"
          options={[
            { value: 'paid', label: t('claim.status.paid') },
            { value: 'payment_failed', label: t('claim.status.payment_failed') },
          ]}
        />
      </Form.Item>
      {paid && (
        <>
          <Form.Item
            name="paidOn"
            label={t('delivery.pay.paidOn')}
            rules={[{ required: true, message: t('delivery.pay.required.paidOn') }]}
          >
            <DateField data-testid="payment-paid-on" />
          </Form.Item>
          <Form.Item
            name="reference"
            label={t('delivery.pay.reference')}
            rules={[{ required: true, whitespace: true, message: t('delivery.pay.required.reference') }]}
          >
            <Input maxLength={100} data-testid="payment-reference" />
          </Form.Item>
        </>
      )}
      <Form.Item name="note" label={t('delivery.pay.note')}>
        <Input.TextArea rows={2} maxLength={500} data-testid="payment-note" />
      </Form.Item>
    </FormDialog>
  );
}
