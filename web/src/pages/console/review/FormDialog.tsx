/**
 * The frame every officer's dialog shares: a form, 取消 and a confirming button (which submits the
 * form), and the server's answer when the move was refused. Rendered only while open, so each
 * opening starts from empty fields.
 */
import { Alert, Button, Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n/index.tsx';
import type { Failure } from './failure.ts';

export interface FormDialogProps<V> {
  title: ReactNode;
  /** Form name: ids of the fields are `<name>_<field>`, which the labels point to. */
  name: string;
  form: FormInstance<V>;
  onFinish: (values: V) => void;
  onClose: () => void;
  saving: boolean;
  confirm: string;
  confirmTestId: string;
  danger?: boolean;
  failure: Failure | null;
  initialValues?: Partial<V>;
  /** `data-testid` of the form. */
  testId?: string;
  children: ReactNode;
}

export function FormDialog<V>({
  title,
  name,
  form,
  onFinish,
  onClose,
  saving,
  confirm,
  confirmTestId,
  danger,
  failure,
  initialValues,
  testId,
  children,
}: FormDialogProps<V>) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      destroyOnHidden
      width={{ xs: '100%', md: 600 }}
      footer={
        <>
          <Button onClick={onClose}>{t('review.cancel')}</Button>
          <Button
            type="primary"
            danger={danger}
            loading={saving}
            onClick={() => form.submit()}
            data-testid={confirmTestId}
          >
            {confirm}
          </Button>
        </>
      }
    >
      <Form<V>
        form={form}
        name={name}
        layout="vertical"
        onFinish={onFinish}
        initialValues={initialValues}
        data-testid={testId}
      >
        {children}
        {failure && (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="action-error"
            title={failure.text}
            description={
              failure.details.length > 0 && (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {failure.details.map((d, i) => (
                    <li key={i}>{d}</li>
                  ))}
                </ul>
              )
            }
          />
        )}
      </Form>
    </Modal>
  );
}
