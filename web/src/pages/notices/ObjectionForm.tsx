/**
 * 提出异议: anyone, while the notice runs, about one firm on it — what is objected to (10
 * characters at least), a name, and a phone number or e-mail address to be answered at. The same
 * rules as the server's are checked first; what the server still refuses shows on the field it
 * names, and the rest (the notice has closed, too many from one address) above the buttons.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, NetworkError } from '../../api.ts';
import { useWorkflowAction } from '../../components/recognition/index.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Values {
  text: string;
  contactName: string;
  contact: string;
}

/** As the server checks it: a phone number (digits, spaces, dashes, an optional +) or an e-mail address. */
const CONTACT = /^(\+?\d[\d\s-]{6,19}|[^\s@]+@[^\s@]+\.[^\s@]+)$/;
const FIELDS = ['text', 'contactName', 'contact'] as const;
type Field = (typeof FIELDS)[number];
const isField = (f: string): f is Field => (FIELDS as readonly string[]).includes(f);

export function ObjectionDialog({
  noticeId,
  firm,
  onClose,
}: {
  noticeId: number;
  /** The firm objected to, or null while the dialog is closed. */
  firm: { id: number; name: string } | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [received, setReceived] = useState<number | null>(null);
  const close = () => {
    setReceived(null);
    onClose();
  };
  return (
    <Modal
      open={!!firm}
      onCancel={close}
      footer={null}
      destroyOnHidden
      title={firm ? t('notice.objection.title', { name: firm.name }) : ''}
    >
      {received !== null ? (
        <Result
          status="success"
          title={t('notice.objection.received')}
          subTitle={t('notice.objection.receivedText', { id: received })}
          extra={
            <Button type="primary" onClick={close} data-testid="objection-done">
              {t('notice.objection.close')}
            </Button>
          }
        />
      ) : (
        firm && <ObjectionForm noticeId={noticeId} applicationId={firm.id} onDone={setReceived} onCancel={close} />
      )}
    </Modal>
  );
}

function ObjectionForm({
  noticeId,
  applicationId,
  onDone,
  onCancel,
}: {
  noticeId: number;
  applicationId: number;
  onDone: (id: number) => void;
  onCancel: () => void;
}) {
  const { t, pick } = useI18n();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const lodge = useWorkflowAction<Values & { applicationId: number }, { id: number }>(
    `/api/v1/notices/${noticeId}/objections`,
  );
  const [failure, setFailure] = useState<string | null>(null);
  const invalid: Record<Field, string> = {
    text: t('notice.objection.textInvalid'),
    contactName: t('notice.objection.nameInvalid'),
    contact: t('notice.objection.contactInvalid'),
  };

  const fail = (e: unknown) => {
    if (e instanceof ApiError) {
      const placed = e.details.map((d) => d.field).filter(isField);
      form.setFields(placed.map((name) => ({ name, errors: [invalid[name]] })));
      const rest = e.details.filter((d) => !isField(d.field)).map((d) => d.message);
      setFailure(placed.length && !rest.length ? null : [pick(e.text), ...rest].join('：'));
      // Closed meanwhile: the page should say so too.
      if (e.status === 409) void qc.invalidateQueries({ queryKey: ['notice', noticeId] });
    } else setFailure(e instanceof NetworkError ? t('error.network.text') : String(e));
  };

  return (
    <Form<Values>
      form={form}
      name="objection"
      layout="vertical"
      data-testid="objection-form"
      onFinish={(v) => {
        setFailure(null);
        lodge.mutate(
          { applicationId, text: v.text.trim(), contactName: v.contactName.trim(), contact: v.contact.trim() },
          { onSuccess: (r) => onDone(r.id), onError: fail },
        );
      }}
    >
      <Typography.Paragraph type="secondary">{t('notice.objection.privacy')}</Typography.Paragraph>
      <Form.Item
        name="text"
        label={t('notice.objection.text')}
        required
        extra={t('notice.objection.textHint')}
        rules={[
          {
            validator: (_, v: string | undefined) =>
              (v ?? '').trim().length >= 10 ? Promise.resolve() : Promise.reject(new Error(invalid.text)),
          },
        ]}
      >
        <Input.TextArea
          autoSize={{ minRows: 4, maxRows: 10 }}
          maxLength={2000}
          showCount
          data-testid="objection-text"
        />
      </Form.Item>
      <Form.Item
        name="contactName"
        label={t('notice.objection.name')}
        rules={[{ required: true, whitespace: true, message: invalid.contactName }]}
      >
        <Input maxLength={50} autoComplete="name" data-testid="objection-name" />
      </Form.Item>
      <Form.Item
        name="contact"
        label={t('notice.objection.contact')}
        required
        rules={[
          {
            validator: (_, v: string | undefined) =>
              CONTACT.test((v ?? '').trim()) ? Promise.resolve() : Promise.reject(new Error(invalid.contact)),
          },
        ]}
      >
        <Input maxLength={100} autoComplete="tel" data-testid="objection-contact" />
      </Form.Item>
      {failure && <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} />}
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={lodge.isPending} data-testid="objection-submit">
          {t('notice.objection.submit')}
        </Button>
        <Button onClick={onCancel}>{t('notice.objection.cancel')}</Button>
      </Space>
    </Form>
  );
}
