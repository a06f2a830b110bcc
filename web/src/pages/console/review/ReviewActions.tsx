/**
 * What the officer can do with the application now: at its level, decide (通过 / 退回补正 /
 * 不予通过) or correct a fact; any reviewing level of the batch whose region holds the firm may
 * record a spot check while it is in review, approved or on notice. The API decides in the end;
 * these only offer what it would allow.
 */
import { AuditOutlined, CheckOutlined, CloseOutlined, EditOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/index.tsx';
import type { EvaluationData } from '../../../components/evaluation/index.ts';
import type { ApplicationDetail } from '../../../components/recognition/index.ts';
import { DecisionDialog, type Decision } from './DecisionDialog.tsx';
import { OverrideDialog } from './OverrideDialog.tsx';
import { SpotCheckDialog } from './SpotCheckDialog.tsx';

type Open = Decision | 'override' | 'spotcheck' | null;

export function ReviewActions({
  app,
  evaluation,
  canSpotCheck,
}: {
  app: ApplicationDetail;
  evaluation: EvaluationData | null;
  canSpotCheck: boolean;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  if (!app.actionable && !canSpotCheck) return null;
  return (
    <Card size="small" title={t('review.actions.title')} data-testid="review-actions">
      {app.actionable && app.level && (
        <Typography.Paragraph type="secondary">
          {t('review.actions.hint', { level: t(`app.level.${app.level}`) })}
        </Typography.Paragraph>
      )}
      <Space wrap>
        {app.actionable && (
          <>
            <Button
              type="primary"
              icon={<CheckOutlined aria-hidden />}
              onClick={() => setOpen('approve')}
              data-testid="review-approve"
            >
              {t('review.decision.approve')}
            </Button>
            <Button
              icon={<RollbackOutlined aria-hidden />}
              onClick={() => setOpen('return')}
              data-testid="review-return"
            >
              {t('review.decision.return')}
            </Button>
            <Button
              danger
              icon={<CloseOutlined aria-hidden />}
              onClick={() => setOpen('reject')}
              data-testid="review-reject"
            >
              {t('review.decision.reject')}
            </Button>
            {evaluation && (
              <Button
                icon={<EditOutlined aria-hidden />}
                onClick={() => setOpen('override')}
                data-testid="override-open"
              >
                {t('review.override.open')}
              </Button>
            )}
          </>
        )}
        {canSpotCheck && (
          <Button
            icon={<AuditOutlined aria-hidden />}
            onClick={() => setOpen('spotcheck')}
            data-testid="spotcheck-open"
          >
            {t('review.spot.open')}
          </Button>
        )}
      </Space>
      {(open === 'approve' || open === 'return' || open === 'reject') && (
        <DecisionDialog app={app} decision={open} onClose={close} />
      )}
      {open === 'override' && evaluation && <OverrideDialog app={app} evaluation={evaluation} onClose={close} />}
      {open === 'spotcheck' && <SpotCheckDialog applicationId={app.id} onClose={close} />}
    </Card>
  );
}
