/**
 * 确认领取: the firm's corporate account (开户行, 户名 filled in with the firm's name, 账号) and one
 * button. The server checks the account; each field it refuses gets its reason beside it, in the
 * page's language.
 */
import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api.ts';
import { useFailureText, type Claim } from '../../components/delivery/index.ts';
import { useI18n } from '../../i18n/index.tsx';
import { DeclineButton } from './DeclineButton.tsx';
import { useClaimMove } from './move.ts';

interface Account {
  bankName: string;
  accountName: string;
  accountNo: string;
}

const FIELDS: readonly (keyof Account)[] = ['bankName', 'accountName', 'accountNo'];

export function ConfirmForm({ claim }: { claim: Claim }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useFailureText();
  const [form] = Form.useForm<Account>();
  const confirm = useClaimMove<Account>(claim, 'confirm');
  const [failure, setFailure] = useState<string | null>(null);

  /** The reason for a refused field as the page says it (the API's own words are English). */
  const reason = (field: keyof Account, v: Account): string => {
    if (field === 'bankName') return t('claim.error.bankName');
    if (field === 'accountNo') return t('claim.error.accountNo');
    return v.accountName.trim()
      ? t('claim.error.accountName', { name: claim.firmName ?? '' })
      : t('claim.error.accountName.empty');
  };

  const submit = async (v: Account) => {
    setFailure(null);
    const r = await confirm.send(v);
    if (!r) return;
    if ('ok' in r) {
      message.success(t('claim.confirm.done'));
      return;
    }
    const e = r.error;
    const details = e instanceof ApiError ? e.details : [];
    const placed = FIELDS.filter((f) => details.some((d) => d.field === f));
    if (placed.length) {
      form.setFields(placed.map((name) => ({ name, errors: [reason(name, v)] })));
      if (details.every((d) => placed.includes(d.field as keyof Account))) return;
    }
    setFailure(describe(e).text);
  };

  return (
    <Card title={t('claim.confirm.title')} data-testid="claim-confirm">
      <Typography.Paragraph>{t('claim.confirm.intro', { date: claim.respondBy })}</Typography.Paragraph>
      <Form<Account>
        form={form}
        name="claim"
        layout="vertical"
        style={{ maxWidth: 560 }}
        initialValues={{ bankName: '', accountName: claim.firmName ?? '', accountNo: '' }}
        onFinish={(v) => void submit(v)}
        data-testid="claim-confirm-form"
      >
        <Form.Item
          name="bankName"
          label={t('claim.bankName')}
          rules={[{ required: true, whitespace: true, message: t('claim.error.bankName') }]}
        >
          <Input maxLength={100} placeholder={t('claim.bankName.placeholder')} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="accountName"
          label={t('claim.accountName')}
          extra={t('claim.accountName.hint')}
          rules={[{ required: true, whitespace: true, message: t('claim.error.accountName.empty') }]}
        >
          <Input maxLength={200} autoComplete="organization" />
        </Form.Item>
        <Form.Item
          name="accountNo"
          label={t('claim.accountNo')}
          rules={[{ required: true, whitespace: true, message: t('claim.error.accountNo') }]}
        >
          <Input maxLength={40} inputMode="numeric" autoComplete="off" />
        </Form.Item>
        {failure && <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} />}
        <Space wrap>
          <Button
            type="primary"
            htmlType="submit"
            icon={<CheckOutlined aria-hidden />}
            loading={confirm.pending}
            data-testid="claim-confirm-submit"
          >
            {t('claim.confirm.submit')}
          </Button>
          <DeclineButton claim={claim} />
        </Space>
      </Form>
    </Card>
  );
}
