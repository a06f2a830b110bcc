/**
 * 认定名录 (/register, public): titles granted, searchable by name, 统一社会信用代码 or
 * certificate number and filtered by tier; the search stays in the URL so that a result can be
 * shared. Each row opens the title's record.
 */
import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Select, Space, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { enumLabel } from '../../components/evaluation/index.ts';
import { TitleStateTag, useRegister, type Title } from '../../components/recognition/index.ts';
import { useI18n } from '../../i18n/index.tsx';
import { QueryError } from '../../layout/ErrorPage.tsx';
import { HONORS } from './tiers.ts';

const PAGE_SIZE = 20;

export default function RegisterPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const honor = params.get('honor') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const register = useRegister({ q: q || undefined, honor: honor || undefined, page, pageSize: PAGE_SIZE });
  /** A new search or filter starts at page 1. */
  const set = (next: { q?: string; honor?: string; page?: number }) => {
    const merged = { q, honor, page: 1, ...next };
    const out = new URLSearchParams();
    if (merged.q) out.set('q', merged.q);
    if (merged.honor) out.set('honor', merged.honor);
    if (merged.page > 1) out.set('page', String(merged.page));
    setParams(out, { replace: true });
  };

  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('register.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 820 }}>
        {t('register.intro')}
      </Typography.Paragraph>
      <Form<{ q: string }>
        key={q}
        layout="vertical"
        initialValues={{ q }}
        onFinish={(v) => set({ q: (v.q ?? '').trim() })}
        role="search"
      >
        <Row gutter={16}>
          <Col xs={24} md={14} lg={12}>
            <Form.Item label={t('register.search')} htmlFor="register-q">
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="q" noStyle>
                  <Input
                    id="register-q"
                    allowClear
                    placeholder={t('register.searchPlaceholder')}
                    maxLength={100}
                    data-testid="register-search"
                  />
                </Form.Item>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
                  {t('register.search')}
                </Button>
              </Space.Compact>
            </Form.Item>
          </Col>
          <Col xs={24} md={10} lg={6}>
            <Form.Item label={t('register.honor')} htmlFor="register-honor">
              <Select
                id="register-honor"
                value={honor}
                onChange={(v) => set({ honor: v })}
                data-testid="register-honor"
                options={[
                  { value: '', label: t('register.honor.all') },
                  ...HONORS.map((h) => ({ value: h, label: enumLabel(h, t) })),
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {register.error ? (
        <QueryError error={register.error} onRetry={() => void register.refetch()} />
      ) : (
        <Table<Title>
          data-testid="register-table"
          rowKey="id"
          loading={register.isFetching}
          dataSource={register.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('register.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: register.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => t('register.total', { n }),
            onChange: (p) => set({ page: p }),
          }}
          columns={[
            {
              key: 'name',
              title: t('register.col.name'),
              render: (_, x) => (
                <Link to={`/register/${x.id}`} data-testid={`title-${x.id}`}>
                  {x.name ?? x.uscc}
                </Link>
              ),
            },
            { key: 'uscc', title: t('register.col.uscc'), dataIndex: 'uscc' },
            { key: 'honor', title: t('register.col.honor'), render: (_, x) => enumLabel(x.honor, t) },
            { key: 'no', title: t('register.col.certificateNo'), dataIndex: 'certificateNo' },
            {
              key: 'validity',
              title: t('register.col.validity'),
              render: (_, x) => t('apply.range', { from: x.validFrom, to: x.validTo }),
            },
            { key: 'state', title: t('register.col.state'), render: (_, x) => <TitleStateTag state={x.state} /> },
          ]}
        />
      )}
    </Card>
  );
}
