/**
 * What a failed move tells the officer. Someone else acting first (409 `stale_version`) is not an
 * error to read: the page reloads and says so (`app.stale`). Anything else — a move the state does
 * not allow, a firm that no longer qualifies — keeps the dialog open with the server's bilingual
 * message and the details it names.
 */
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { ApiError, NetworkError } from '../../../api.ts';
import { labelOfPath, useFactCatalog } from '../../../components/evaluation/index.ts';
import { useWorkflowAction } from '../../../components/recognition/index.ts';
import { useI18n } from '../../../i18n/index.tsx';

export interface Failure {
  text: string;
  details: string[];
}

export function useFailure() {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const catalog = useFactCatalog().data;
  // A criterion's detail carries its title; a fact's (`years.2025.rdExpense`) is named by its label.
  const detail = (d: { field: string; message: string }) =>
    d.field.startsWith('criteria.')
      ? d.message
      : `${pick(labelOfPath(catalog, d.field))}${lang === 'zh' ? '：' : ': '}${d.message}`;
  /** Null when the failure was a stale page (already reloaded and said); otherwise what to show. */
  return (err: unknown): Failure | null => {
    if (err instanceof ApiError && err.code === 'stale_version') {
      message.warning(t('app.stale'));
      void qc.invalidateQueries({ queryKey: ['application'] });
      void qc.invalidateQueries({ queryKey: ['applications'] });
      // The other officer may have corrected the firm's facts.
      void qc.invalidateQueries({ queryKey: ['profile'] });
      return null;
    }
    if (err instanceof NetworkError) return { text: t('error.network.text'), details: [] };
    if (err instanceof ApiError) return { text: pick(err.text), details: err.details.map(detail) };
    return { text: err instanceof Error ? err.message : String(err), details: [] };
  };
}

/**
 * A move sent from a dialog: `run(body)` posts it; on success `done` gets the answer, on a stale
 * page the dialog closes (the page has reloaded), otherwise `failure` says why and it stays open.
 */
export function useMove<TBody, TResult = unknown>(path: string, done: (r: TResult) => void, close: () => void) {
  const action = useWorkflowAction<TBody, TResult>(path);
  const fail = useFailure();
  const [failure, setFailure] = useState<Failure | null>(null);
  const run = async (body: TBody) => {
    setFailure(null);
    try {
      done(await action.mutateAsync(body));
    } catch (e) {
      const f = fail(e);
      if (f) setFailure(f);
      else close();
    }
  };
  return { run: (body: TBody) => void run(body), failure, saving: action.isPending };
}
