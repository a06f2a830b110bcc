/** 记录实地核查: the day of the visit (not in the future), the result, who went and what they found. */
import { App, Form, Input, Radio } from 'antd';
import { useI18n } from '../../../i18n/index.tsx';
import { localToday } from '../../../components/evaluation/index.ts';
import { DateField } from './DateField.tsx';
import { FormDialog } from './FormDialog.tsx';
import { useMove } from './failure.ts';

interface Values {
  on?: string;
  result?: 'passed' | 'failed';
  inspectors?: string;
  findings?: string;
}

export function SpotCheckDialog({ applicationId, onClose }: { applicationId: number; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const move = useMove<Required<Values>>(
    `/api/v1/applications/${applicationId}/spot-checks`,
    () => {
      message.success(t('review.spot.done'));
      onClose();
    },
    onClose,
  );
  const today = localToday();
  return (
    <FormDialog<Values>
      title={t('review.spot.title')}
      name="spotcheck"
      form={form}
      initialValues={{ on: today }}
      onClose={onClose}
      onFinish={(v) =>
        move.run({ on: v.on!, result: v.result!, inspectors: v.inspectors!.trim(), findings: v.findings!.trim() })
      }
      saving={move.saving}
      confirm={t('review.spot.save')}
      confirmTestId="spotcheck-save"
      failure={move.failure}
    >
      <Form.Item
        name="on"
        label={t('review.spot.on')}
        rules={[
          { required: true, message: t('review.spot.onRequired') },
          // A visit is recorded after it took place.
          {
            validator: (_, v?: string) =>
              !v || v <= today ? Promise.resolve() : Promise.reject(new Error(t('review.spot.future'))),
          },
        ]}
      >
        <DateField data-testid="spotcheck-on" />
      </Form.Item>
      <Form.Item
        name="result"
        label={t('review.spot.result')}
        rules={[{ required: true, message: t('review.spot.resultRequired') }]}
      >
        <Radio.Group
          data-testid="spotcheck-result"
          options={[
            { value: 'passed', label: t('review.spot.passed') },
            { value: 'failed', label: t('review.spot.failed') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="inspectors"
        label={t('review.spot.inspectors')}
        rules={[{ required: true, whitespace: true, message: t('review.spot.inspectorsRequired') }]}
      >
        <Input
          maxLength={200}
          placeholder={t('review.spot.inspectorsPlaceholder')}
          data-testid="spotcheck-inspectors"
        />
      </Form.Item>
      <Form.Item
        name="findings"
        label={t('review.spot.findings')}
        rules={[{ required: true, whitespace: true, message: t('review.spot.findingsRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="spotcheck-findings" />
      </Form.Item>
    </FormDialog>
  );
}
