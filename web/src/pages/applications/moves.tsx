/**
 * The firm's moves on its application and what a failed one says. Someone else changing it first
 * (409 `stale_version`) reloads the application and says so (`app.stale`); a 422 names the unmet
 * criteria and the missing figures, with the way to the profile where they are filled in; anything
 * else shows the server's bilingual message.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App } from 'antd';
import { Link } from 'react-router';
import { ApiError, NetworkError } from '../../api.ts';
import { labelOfPath, useFactCatalog, type EvaluationData } from '../../components/evaluation/index.ts';
import { useWorkflowAction } from '../../components/recognition/index.ts';
import { useI18n } from '../../i18n/index.tsx';

const isStale = (e: unknown) => e instanceof ApiError && e.code === 'stale_version';
const STALE_SECONDS = 8;

/**
 * `send(body, done)` posts the move. A stale page is reloaded at once and said in a message that
 * outlives the form: the reloaded application is usually in another state, without this form.
 */
export function useMove<TBody>(applicationId: number, path: string) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const action = useWorkflowAction<TBody>(path);
  const send = (body: TBody, done?: () => void) =>
    action.mutate(body, {
      onSuccess: () => done?.(),
      onError: (e) => {
        if (!isStale(e)) return;
        void message.warning(t('app.stale'), STALE_SECONDS);
        void qc.invalidateQueries({ queryKey: ['application', applicationId] });
      },
    });
  return { send, pending: action.isPending, error: action.error };
}

/** Why a move failed, beside the button that sent it. */
export function MoveError({ error, evaluation }: { error: unknown; evaluation?: EvaluationData | undefined }) {
  const { t, pick, lang } = useI18n();
  const catalog = useFactCatalog().data;
  // A stale page has been reloaded and said so (useMove).
  if (!error || isStale(error)) return null;
  if (!(error instanceof ApiError))
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={error instanceof NetworkError ? t('error.network.text') : String(error)}
      />
    );
  const sep = lang === 'zh' ? '、' : ', ';
  if (error.status === 422) {
    const criteria = error.details.filter((d) => d.field.startsWith('criteria.'));
    const facts = error.details.filter((d) => !d.field.startsWith('criteria.'));
    const criterionName = (field: string, fallback: string) => {
      const c = evaluation?.criteria.find((x) => `criteria.${x.id}` === field);
      return c ? pick(c.title) : fallback;
    };
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        data-testid="move-error"
        title={pick(error.text)}
        description={
          <>
            {criteria.length > 0 && (
              <div>
                {t('apply.error.unmet', {
                  names: criteria.map((d) => criterionName(d.field, d.message)).join(sep),
                })}
              </div>
            )}
            {facts.length > 0 && (
              <div>
                {t('apply.error.missing', { names: facts.map((d) => pick(labelOfPath(catalog, d.field))).join(sep) })}
              </div>
            )}
            <Link to="/portal">{t('apply.toPortal')}</Link>
          </>
        }
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="move-error"
      title={pick(error.text)}
      description={error.details.length ? error.details.map((d) => d.message).join('；') : undefined}
    />
  );
}
