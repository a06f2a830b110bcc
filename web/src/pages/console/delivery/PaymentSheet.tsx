/**
 * The payment list out and back: 导出支付清单 downloads the confirmed, unpaid claims as .xlsx for the
 * finance office; 上传支付结果 sends the sheet back with its result columns filled in, then says how
 * many payments were recorded and lists every row refused with the reason.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import {
  useDeliveryAction,
  useFailureText,
  useRefreshDelivery,
  type PaymentOutcome,
} from '../../../components/delivery/index.ts';
import { downloadFile } from '../../../components/console/download.ts';
import { useI18n } from '../../../i18n/index.tsx';

export function PaymentSheet({ policy }: { policy: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useFailureText();
  const refresh = useRefreshDelivery();
  const base = `/api/v1/policies/${encodeURIComponent(policy)}`;
  const upload = useDeliveryAction<FormData, PaymentOutcome>(`${base}/payments/sheet`);
  const [exporting, setExporting] = useState(false);

  const exportSheet = async () => {
    setExporting(true);
    try {
      const { name } = await downloadFile(`${base}/payments/export`, `支付清单-${policy}.xlsx`, 'POST');
      message.success(t('delivery.sheet.exported', { name }));
    } catch (e) {
      message.error(describe(e).text);
    } finally {
      setExporting(false);
      refresh();
    }
  };

  const outcome = upload.data;
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('delivery.sheet.hint')}</Typography.Text>
      <Space wrap>
        <Button
          icon={<DownloadOutlined aria-hidden />}
          loading={exporting}
          onClick={() => void exportSheet()}
          data-testid="payments-export"
        >
          {t('delivery.sheet.export')}
        </Button>
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            const form = new FormData();
            form.append('file', file);
            upload.mutate(form);
            return false;
          }}
          data-testid="payments-upload"
        >
          <Button icon={<UploadOutlined aria-hidden />} loading={upload.isPending}>
            {t('delivery.sheet.upload')}
          </Button>
        </Upload>
      </Space>
      {upload.error && <Alert type="error" showIcon role="alert" title={describe(upload.error).text} />}
      {outcome && (
        <Alert
          type={outcome.rejected ? 'warning' : 'success'}
          showIcon
          data-testid="payments-outcome"
          data-recorded={outcome.recorded}
          data-rejected={outcome.rejected}
          title={t('delivery.sheet.recorded', { n: outcome.recorded })}
          description={
            outcome.errors.length > 0 && (
              <>
                {t('delivery.sheet.rejected', { n: outcome.rejected })}
                <Table
                  data-testid="payments-errors"
                  rowKey={(e) => `${e.at}:${e.claimId ?? ''}:${e.message}`}
                  size="small"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={outcome.errors}
                  columns={[
                    { key: 'at', title: t('delivery.sheet.col.at'), dataIndex: 'at' },
                    { key: 'claim', title: t('delivery.sheet.col.claim'), render: (_, e) => e.claimId ?? '—' },
                    { key: 'message', title: t('delivery.sheet.col.message'), dataIndex: 'message' },
                  ]}
                />
              </>
            )
          }
        />
      )}
    </Space>
  );
}
