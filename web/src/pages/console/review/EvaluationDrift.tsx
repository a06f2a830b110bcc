/**
 * The live evaluation is the firm's profile now (corrected facts included); the submitted one was
 * frozen when the firm signed. When the verdict or the score moved in between, the reviewer should
 * know before deciding.
 */
import { Alert } from 'antd';
import { useI18n } from '../../../i18n/index.tsx';
import { verdictLabel, type EvaluationData } from '../../../components/evaluation/index.ts';

export function EvaluationDrift({ live, submitted }: { live: EvaluationData; submitted: EvaluationData }) {
  const { t } = useI18n();
  const score = (e: EvaluationData) => ((e.score?.total ?? null) === null ? '—' : String(e.score!.total));
  if (live.verdict === submitted.verdict && score(live) === score(submitted)) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="evaluation-drift"
      title={t('review.drift.title')}
      description={t('review.drift.text', {
        before: verdictLabel(submitted.verdict, t),
        beforeScore: score(submitted),
        after: verdictLabel(live.verdict, t),
        afterScore: score(live),
      })}
    />
  );
}
