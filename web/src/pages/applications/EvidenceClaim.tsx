/**
 * One claim and its files: what it is, the files backing it, and — while the application can
 * change — an upload button. A file too large or of the wrong kind is refused here before it is
 * sent; what the server refuses (400 with the field it names, 409, 413) shows beside the button.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, NetworkError } from '../../api.ts';
import { EvidenceList, useWorkflowAction, type EvidenceItem } from '../../components/recognition/index.ts';
import { useI18n } from '../../i18n/index.tsx';

const MAX_BYTES = 10 * 1024 * 1024;
const EXTENSIONS = ['pdf', 'png', 'jpg', 'jpeg'];

export interface EvidenceClaimProps {
  applicationId: number;
  claim: string;
  label: string;
  /** What the claim is about: an IP item's kind and date, a year's figure. */
  detail?: string;
  evidence: EvidenceItem[];
  /** Given while the application can change: the files may be removed and added. */
  onRemove?: ((id: number) => void) | undefined;
}

export function EvidenceClaim({ applicationId, claim, label, detail, evidence, onRemove }: EvidenceClaimProps) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const upload = useWorkflowAction<FormData, { id: number; duplicate: boolean }>(
    `/api/v1/applications/${applicationId}/evidence`,
  );
  const [refused, setRefused] = useState<string | null>(null);
  const error = upload.error;
  const problem =
    refused ??
    (error instanceof ApiError
      ? [pick(error.text), error.details.map((d) => d.message).join('；')].filter(Boolean).join('：')
      : error instanceof NetworkError
        ? t('error.network.text')
        : null);
  return (
    <div className="hq-claim" data-testid={`claim-${claim}`} data-claim={claim}>
      <div className="hq-claim-head">
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong>{label}</Typography.Text>
          {detail && (
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {detail}
            </Typography.Text>
          )}
        </div>
        {onRemove && (
          <Upload
            accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
            showUploadList={false}
            multiple={false}
            data-testid={`evidence-upload-${claim}`}
            beforeUpload={(file) => {
              upload.reset();
              const ext = file.name.toLowerCase().split('.').pop() ?? '';
              const why = !EXTENSIONS.includes(ext)
                ? t('apply.evidence.wrongType', { name: file.name })
                : file.size > MAX_BYTES
                  ? t('apply.evidence.tooBig', { name: file.name })
                  : null;
              setRefused(why);
              return why ? Upload.LIST_IGNORE : true;
            }}
            customRequest={({ file, onSuccess, onError }) => {
              const form = new FormData();
              form.append('claim', claim);
              form.append('file', file as File);
              const name = (file as File).name;
              upload.mutate(form, {
                onSuccess: (r) => {
                  onSuccess?.(r);
                  void message.success(
                    t(r.duplicate ? 'apply.evidence.duplicate' : 'apply.evidence.uploaded', { name }),
                  );
                },
                onError: (e) => onError?.(e),
              });
            }}
          >
            <Button
              icon={<UploadOutlined aria-hidden />}
              loading={upload.isPending}
              aria-label={t('apply.evidence.uploadAria', { claim: label })}
            >
              {t('apply.evidence.upload')}
            </Button>
          </Upload>
        )}
      </div>
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid={`evidence-error-${claim}`}
          title={problem}
          style={{ marginTop: 8 }}
        />
      )}
      <EvidenceList items={evidence} claim={claim} onRemove={onRemove} />
    </div>
  );
}
