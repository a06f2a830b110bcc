/**
 * Objections lodged against a firm on the notice: what was said, by whom and how to reach them,
 * and how each was resolved. The deciding level resolves the open ones: 异议成立 rejects the
 * application with the resolution as the reason; 异议不成立 leaves it on the notice.
 */
import { ClockCircleOutlined, ExclamationCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatDate } from '../../../format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import type { Objection } from '../../../components/recognition/index.ts';
import { FormDialog } from './FormDialog.tsx';
import { useMove } from './failure.ts';

type Outcome = 'upheld' | 'dismissed';

const STATE = {
  open: { color: 'warning', icon: <ClockCircleOutlined aria-hidden /> },
  upheld: { color: 'error', icon: <ExclamationCircleOutlined aria-hidden /> },
  dismissed: { color: 'default', icon: <MinusCircleOutlined aria-hidden /> },
} as const;

export function ObjectionList({ objections, canResolve }: { objections: Objection[]; canResolve: boolean }) {
  const { t } = useI18n();
  const [resolving, setResolving] = useState<{ id: number; outcome: Outcome } | null>(null);
  return (
    <>
      <List
        dataSource={objections}
        renderItem={(o) => (
          <List.Item
            data-testid={`objection-${o.id}`}
            data-status={o.status}
            actions={
              canResolve && o.status === 'open'
                ? [
                    <Button
                      key="uphold"
                      danger
                      size="small"
                      onClick={() => setResolving({ id: o.id, outcome: 'upheld' })}
                      data-testid={`objection-uphold-${o.id}`}
                    >
                      {t('review.objection.uphold')}
                    </Button>,
                    <Button
                      key="dismiss"
                      size="small"
                      onClick={() => setResolving({ id: o.id, outcome: 'dismissed' })}
                      data-testid={`objection-dismiss-${o.id}`}
                    >
                      {t('review.objection.dismiss')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap size="small">
                <Tag color={STATE[o.status].color} icon={STATE[o.status].icon}>
                  {t(`review.objection.status.${o.status}`)}
                </Tag>
                <Typography.Text type="secondary">
                  #{o.id} · {formatDate(o.createdAt)} · {o.contactName} · {o.contact}
                </Typography.Text>
              </Space>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{o.text}</Typography.Paragraph>
              {o.resolution && (
                <Typography.Text type="secondary">
                  {t('review.objection.resolved', { text: o.resolution })}
                </Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
      {resolving && <ResolveDialog {...resolving} onClose={() => setResolving(null)} />}
    </>
  );
}

function ResolveDialog({ id, outcome, onClose }: { id: number; outcome: Outcome; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ resolution?: string }>();
  const move = useMove<{ outcome: Outcome; resolution: string }>(
    `/api/v1/objections/${id}/resolve`,
    () => {
      message.success(t('review.objection.done'));
      onClose();
    },
    onClose,
  );
  return (
    <FormDialog
      title={t(`review.objection.${outcome}.title`, { id })}
      name="objection"
      form={form}
      onClose={onClose}
      onFinish={(v) => move.run({ outcome, resolution: v.resolution!.trim() })}
      saving={move.saving}
      confirm={t(outcome === 'upheld' ? 'review.objection.uphold' : 'review.objection.dismiss')}
      confirmTestId="objection-confirm"
      danger={outcome === 'upheld'}
      failure={move.failure}
    >
      <Typography.Paragraph>{t(`review.objection.${outcome}.hint`)}</Typography.Paragraph>
      <Form.Item
        name="resolution"
        label={t('review.objection.resolution')}
        rules={[{ required: true, whitespace: true, message: t('review.objection.resolutionRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="objection-resolution" />
      </Form.Item>
    </FormDialog>
  );
}
