import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { homeOf, useLogin } from '../auth.tsx';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';

export default function Login() {
  const { t, pick } = useI18n();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const error = login.error instanceof ApiError ? pick(login.error.text) : login.error?.message;
  return (
    <Card style={{ maxWidth: 400, margin: '40px auto' }}>
      <Typography.Title level={3}>{t('login.title')}</Typography.Title>
      <Form
        layout="vertical"
        onFinish={(v: { username: string; password: string }) =>
          login.mutate(v, { onSuccess: (r) => navigate(params.get('next') ?? homeOf(r.user.role)) })
        }
      >
        <Form.Item name="username" label={t('login.username')} rules={[{ required: true }]}>
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Button type="primary" htmlType="submit" block loading={login.isPending}>
          {t('login.submit')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        {t('login.demoHint')}
      </Typography.Paragraph>
    </Card>
  );
}
