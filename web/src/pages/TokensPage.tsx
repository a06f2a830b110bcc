/**
 * API 令牌 (/tokens): the user's own tokens — issue one (name, days, read-only; the secret shown
 * once), see when each expires and was last used, revoke one, or log out everywhere.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, ApiError } from '../api.ts';
import { useLogout } from '../auth.tsx';
import { useI18n } from '../i18n/index.tsx';
import { QueryError } from '../layout/ErrorPage.tsx';

interface Token {
  id: number;
  name: string;
  username: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  readOnly: boolean;
}

interface NewToken {
  name: string;
  days: number;
  readOnly: boolean;
}

/** The server's default span, offered in the form. */
const DEFAULT_DAYS = 90;
const MAX_DAYS = 366;
const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

export default function TokensPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<NewToken>();
  const [secret, setSecret] = useState<string | null>(null);
  const tokens = useQuery({
    queryKey: ['tokens'],
    queryFn: () => api<{ items: Token[] }>('/api/v1/auth/tokens'),
  });
  const failed = (e: Error) => message.error(e instanceof ApiError ? pick(e.text) : e.message);
  const issue = useMutation({
    mutationFn: (v: NewToken) => api<{ token: string }>('/api/v1/auth/tokens', { body: v }),
    onSuccess: (r) => {
      setSecret(r.token);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['tokens'] });
    },
    onError: failed,
  });
  const revoke = useMutation({
    mutationFn: (id: number) => api<void>(`/api/v1/auth/tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      message.success(t('tokens.revoked'));
      void qc.invalidateQueries({ queryKey: ['tokens'] });
    },
    onError: failed,
  });
  const logout = useLogout();
  const items = tokens.data?.items ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('tokens.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ maxWidth: 820, marginBottom: 0 }}>
          {t('tokens.intro')}
        </Typography.Paragraph>
      </div>
      <Card title={t('tokens.new')}>
        <Form<NewToken>
          form={form}
          layout="inline"
          initialValues={{ days: DEFAULT_DAYS, readOnly: false }}
          onFinish={(v) => issue.mutate(v)}
          data-testid="token-form"
        >
          <Form.Item name="name" label={t('tokens.name')} rules={[{ required: true, whitespace: true, max: 80 }]}>
            <Input placeholder={t('tokens.namePlaceholder')} maxLength={80} />
          </Form.Item>
          <Form.Item name="days" label={t('tokens.days')} rules={[{ required: true }]}>
            <InputNumber min={1} max={MAX_DAYS} precision={0} />
          </Form.Item>
          <Form.Item name="readOnly" valuePropName="checked">
            <Checkbox>{t('tokens.readOnly')}</Checkbox>
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={issue.isPending}>
              {t('tokens.issue')}
            </Button>
          </Form.Item>
        </Form>
        {secret && (
          <Alert
            style={{ marginTop: 16 }}
            type="success"
            closable
            onClose={() => setSecret(null)}
            title={t('tokens.issued')}
            description={
              <Typography.Text code copyable data-testid="token-secret">
                {secret}
              </Typography.Text>
            }
          />
        )}
      </Card>
      <Card
        extra={
          <Popconfirm
            title={t('tokens.everywhereConfirm')}
            okText={t('tokens.everywhere')}
            okButtonProps={{ danger: true }}
            cancelText={t('tokens.cancel')}
            onConfirm={() => logout.mutate(true)}
          >
            <Button danger loading={logout.isPending}>
              {t('tokens.everywhere')}
            </Button>
          </Popconfirm>
        }
      >
        {tokens.error ? (
          <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} />
        ) : (
          <Table<Token>
            data-testid="tokens"
            rowKey="id"
            size="middle"
            loading={tokens.isPending}
            dataSource={items}
            scroll={{ x: 'max-content' }}
            pagination={items.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            locale={{ emptyText: t('tokens.empty') }}
            columns={[
              { key: 'name', title: t('tokens.col.name'), dataIndex: 'name' },
              {
                key: 'access',
                title: t('tokens.col.access'),
                render: (_, x) =>
                  x.readOnly ? (
                    <Tag>{t('tokens.access.readOnly')}</Tag>
                  ) : (
                    <Tag color="blue">{t('tokens.access.full')}</Tag>
                  ),
              },
              { key: 'created', title: t('tokens.col.created'), render: (_, x) => when(x.createdAt) },
              {
                key: 'expires',
                title: t('tokens.col.expires'),
                render: (_, x) =>
                  dayjs(x.expiresAt).isBefore(dayjs()) ? (
                    <Tag color="default">{t('tokens.expired')}</Tag>
                  ) : (
                    when(x.expiresAt)
                  ),
              },
              {
                key: 'lastUsed',
                title: t('tokens.col.lastUsed'),
                render: (_, x) => (x.lastUsedAt ? when(x.lastUsedAt) : t('tokens.never')),
              },
              {
                key: 'revoke',
                title: '',
                render: (_, x) => (
                  <Popconfirm
                    title={t('tokens.revokeConfirm')}
                    okText={t('tokens.revoke')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('tokens.cancel')}
                    onConfirm={() => revoke.mutate(x.id)}
                  >
                    <Button size="small" danger data-testid={`token-revoke-${x.id}`}>
                      {t('tokens.revoke')}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
