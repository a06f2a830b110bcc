/**
 * 诚信承诺 and 提交申报: the pledge as the server keeps it, a box to accept it and the name of
 * who signs for the firm; submitting sends both with the version the page shows.
 */
import { Alert, App, Button, Checkbox, Form, Input, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { EvaluationData } from '../../components/evaluation/index.ts';
import type { ApplicationDetail } from '../../components/recognition/index.ts';
import { useI18n } from '../../i18n/index.tsx';
import { MoveError, useMove } from './moves.tsx';

interface Values {
  accepted: boolean;
  signer: string;
}

/** The pledge in a box: the text to sign, or (given as children) the text as signed. */
export function PledgeText({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <section
      aria-label={t('apply.pledge.title')}
      data-testid="pledge-text"
      style={{ border: '1px solid #d9d9d9', borderRadius: 8, padding: '12px 16px', background: '#fafafa' }}
    >
      <Typography.Title level={5} style={{ marginTop: 0, textAlign: 'center' }}>
        {t('apply.pledge.title')}
      </Typography.Title>
      {children ?? <Typography.Paragraph style={{ margin: 0 }}>{t('apply.pledge.text')}</Typography.Paragraph>}
    </section>
  );
}

export function PledgeForm({ app, evaluation }: { app: ApplicationDetail; evaluation: EvaluationData | undefined }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const submit = useMove<{ version: number; pledge: Values }>(app.id, `/api/v1/applications/${app.id}/submit`);
  return (
    <Form<Values>
      form={form}
      name="pledge"
      layout="vertical"
      requiredMark={false}
      initialValues={{ accepted: false, signer: '' }}
      onFinish={(v) =>
        submit.send({ version: app.version, pledge: { accepted: v.accepted, signer: v.signer.trim() } }, () => {
          void message.success(t('apply.submit.done'));
          form.resetFields();
        })
      }
    >
      <PledgeText />
      <Form.Item
        name="accepted"
        valuePropName="checked"
        style={{ marginTop: 12 }}
        rules={[
          {
            validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('apply.pledge.acceptRequired')))),
          },
        ]}
      >
        <Checkbox data-testid="pledge-accept">{t('apply.pledge.accept')}</Checkbox>
      </Form.Item>
      <Form.Item
        name="signer"
        label={t('apply.pledge.signer')}
        rules={[{ required: true, whitespace: true, message: t('apply.pledge.signerRequired') }]}
      >
        <Input maxLength={50} autoComplete="name" data-testid="pledge-signer" style={{ maxWidth: 320 }} />
      </Form.Item>
      {evaluation && evaluation.verdict !== 'qualified' && (
        <Alert type="warning" showIcon title={t('apply.submit.notReady')} style={{ marginBottom: 12 }} />
      )}
      <MoveError error={submit.error} evaluation={evaluation} />
      <Button
        type="primary"
        htmlType="submit"
        loading={submit.pending}
        data-testid="submit-application"
        style={{ marginTop: 12 }}
      >
        {t('apply.submit')}
      </Button>
    </Form>
  );
}
