/**
 * The evaluation the firm sees on its application. While it may still change things (a draft, or
 * returned for correction) the server evaluates its current profile against the batch's policy as
 * of the batch's date at each read, keeping nothing; from submission on it is the evaluation the
 * review works on. Refreshing reads the application again, so coming back from the profile page
 * shows the effect.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import type { ApplicationDetail } from '../../components/recognition/index.ts';

export function useLiveEvaluation(app: ApplicationDetail | undefined, query: UseQueryResult<ApplicationDetail>) {
  return {
    /** Evaluated now from the profile (true), or the one the review works on (false). */
    live: !!app?.evaluationIsPreview,
    evaluation: app?.evaluation ?? app?.submittedEvaluation ?? undefined,
    query,
  };
}
