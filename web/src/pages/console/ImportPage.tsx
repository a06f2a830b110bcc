/**
 * 表格导入: upload a spreadsheet as bureaus circulate them (.xlsx, or .csv in UTF-8 or GBK), follow
 * the background import with a progress bar, then see what landed: imported, unchanged and rejected
 * rows, each rejection with its row, column and reason, header columns that were not read, and the
 * rejected rows as an .xlsx to correct and import again. The import's id stays in the URL.
 */
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  InputNumber,
  Progress,
  Result,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, ApiError } from '../../api.ts';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { QueryError } from '../../layout/ErrorPage.tsx';
import type { ImportStatus } from '../../components/console/data.ts';
import { when } from './detail/FactHistory.tsx';

type Problem = ImportStatus['errors'][number];

export default function ImportPage() {
  const { t, pick } = useI18n();
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const [file, setFile] = useState<File | null>(null);
  const [year, setYear] = useState<number | null>(null);

  const submit = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.append('file', file!);
      if (year) form.append('year', String(year));
      return api<{ id: string }>('/api/v1/imports', { form });
    },
    onSuccess: (r) => {
      setFile(null);
      setParams({ id: r.id });
    },
  });

  const status = useQuery({
    queryKey: ['console', 'import', id],
    queryFn: () => api<ImportStatus>(`/api/v1/imports/${id}`),
    enabled: !!id,
    refetchInterval: (q) => {
      const s = q.state.data?.status;
      return s === 'done' || s === 'failed' || q.state.error ? false : 1000;
    },
  });

  const uploadError = submit.error instanceof ApiError ? submit.error : null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row justify="space-between" align="middle" gutter={[16, 8]}>
        <Col>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('console.import.title')}
          </Typography.Title>
        </Col>
        <Col>
          <Link to="/console">{t('console.list.toDashboard')}</Link>
        </Col>
      </Row>
      <Card size="small" title={t('console.import.upload')}>
        <Form layout="vertical" onFinish={() => submit.mutate()} component="form">
          <Form.Item label={t('console.import.file')} required extra={t('console.import.fileHint')}>
            <Upload.Dragger
              accept=".xlsx,.csv"
              multiple={false}
              maxCount={1}
              beforeUpload={(f) => {
                setFile(f);
                submit.reset();
                return false;
              }}
              onRemove={() => setFile(null)}
              fileList={file ? [{ uid: 'file', name: file.name, size: file.size, status: 'done' }] : []}
              data-testid="import-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined aria-hidden />
              </p>
              <p className="ant-upload-text">{t('console.import.drop')}</p>
              <p className="ant-upload-hint">{t('console.import.dropHint')}</p>
            </Upload.Dragger>
          </Form.Item>
          <Form.Item label={t('console.import.year')} htmlFor="import-year" extra={t('console.import.yearHint')}>
            <InputNumber
              id="import-year"
              data-testid="import-year"
              min={1990}
              max={2100}
              precision={0}
              value={year}
              onChange={(v) => setYear(v)}
              placeholder="2025"
              style={{ width: 160 }}
            />
          </Form.Item>
          {uploadError && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={pick(uploadError.text)}
              description={uploadError.details.map((d) => d.message).join('；') || undefined}
            />
          )}
          <Button
            type="primary"
            htmlType="submit"
            disabled={!file}
            loading={submit.isPending}
            data-testid="import-submit"
          >
            {t('console.import.submit')}
          </Button>
        </Form>
      </Card>
      {id &&
        (status.isError ? (
          <QueryError error={status.error} onRetry={() => void status.refetch()} />
        ) : status.data ? (
          <Outcome s={status.data} />
        ) : (
          <Card loading />
        ))}
    </Space>
  );
}

function Outcome({ s }: { s: ImportStatus }) {
  const { t } = useI18n();
  const running = s.status === 'queued' || s.status === 'running';
  const percent = s.total > 0 ? Math.floor((s.processed / s.total) * 100) : running ? 0 : 100;
  return (
    <Card
      size="small"
      title={
        <span>
          {t('console.import.job', { name: s.fileName })} <StatusTag status={s.status} />
        </span>
      }
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {when(s.createdAt)}
        </Typography.Text>
      }
      data-testid="import-outcome"
      data-status={s.status}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <div>
          <Progress
            percent={percent}
            status={s.status === 'failed' ? 'exception' : running ? 'active' : 'success'}
            data-testid="import-progress"
            aria-label={t('console.import.progress')}
            aria-valuenow={percent}
          />
          <Typography.Text type="secondary" role="status">
            {t('console.import.processed', { processed: formatNumber(s.processed), total: formatNumber(s.total) })}
          </Typography.Text>
        </div>
        {s.status === 'failed' && (
          <Result status="error" title={t('console.import.failed')} subTitle={s.failure ?? undefined} />
        )}
        {!running && s.status !== 'failed' && (
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Statistic title={t('console.import.total')} value={formatNumber(s.total)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('console.import.imported')}
                value={formatNumber(s.imported)}
                data-testid="import-imported"
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('console.import.unchanged')}
                value={formatNumber(s.unchanged)}
                data-testid="import-unchanged"
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('console.import.rejected')}
                value={formatNumber(s.rejected)}
                data-testid="import-rejected"
                styles={s.rejected ? { content: { color: '#cf1322' } } : undefined}
              />
            </Col>
          </Row>
        )}
        {s.warnings.length > 0 && (
          <Alert
            type="warning"
            showIcon
            data-testid="import-warnings"
            title={t('console.import.warnings', { n: s.warnings.length })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {s.warnings.map((w, i) => (
                  <li key={i}>
                    {w.column ? `${w.column}：` : ''}
                    {w.reason}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        {s.errors.length > 0 && (
          <>
            <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('console.import.errors', { n: formatNumber(s.rejected) })}
              </Typography.Title>
              {s.rejectsUrl && (
                <Button
                  href={s.rejectsUrl}
                  download
                  icon={<DownloadOutlined aria-hidden />}
                  data-testid="rejects-download"
                >
                  {t('console.import.rejects')}
                </Button>
              )}
            </Space>
            <Table<Problem>
              data-testid="import-errors"
              size="small"
              rowKey={(p, i) => `${p.row}-${p.column}-${i}`}
              dataSource={s.errors}
              scroll={{ x: true }}
              pagination={s.errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              columns={[
                { title: t('console.import.row'), dataIndex: 'row', width: 90 },
                { title: t('console.import.column'), dataIndex: 'column', width: 200, render: (c: string) => c || '—' },
                { title: t('console.import.reason'), dataIndex: 'reason' },
              ]}
            />
          </>
        )}
      </Space>
    </Card>
  );
}

function StatusTag({ status }: { status: ImportStatus['status'] }) {
  const { t } = useI18n();
  const color = { queued: 'default', running: 'processing', done: 'success', failed: 'error' }[status];
  return <Tag color={color}>{t(`console.import.status.${status}`)}</Tag>;
}
