import { useQueryClient } from '@tanstack/react-query';
import { Button, Result } from 'antd';
import { useEffect } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { ApiError, NetworkError } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';

export type ErrorKind = '403' | '404' | 'network';

export function kindOf(error: unknown): ErrorKind | null {
  if (error instanceof NetworkError) return 'network';
  if (error instanceof ApiError && (error.status === 403 || error.status === 404))
    return String(error.status) as ErrorKind;
  return null;
}

/** A clear page for 403, 404 and a server that cannot be reached. */
export function ErrorPage({ kind, onRetry }: { kind: ErrorKind; onRetry?: () => void }) {
  const { t } = useI18n();
  const status = kind === 'network' ? 'warning' : kind;
  return (
    <Result
      status={status}
      title={t(`error.${kind}.title`)}
      subTitle={t(`error.${kind}.text`)}
      extra={[
        onRetry ? (
          <Button key="retry" type="primary" onClick={onRetry}>
            {t('error.retry')}
          </Button>
        ) : null,
        <Link key="home" to="/">
          <Button>{t('error.backHome')}</Button>
        </Link>,
      ]}
    />
  );
}

/** A session that ended under an open page: forget the user and log in again, then come back. */
function SessionEnded() {
  const qc = useQueryClient();
  const { pathname, search } = useLocation();
  useEffect(() => {
    qc.setQueryData(['me'], null);
  }, [qc]);
  return <Navigate to={`/login?next=${encodeURIComponent(pathname + search)}`} replace />;
}

/** Shows the right error page for a failed query, or rethrows what it does not know. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (error instanceof ApiError && error.status === 401) return <SessionEnded />;
  const kind = kindOf(error);
  if (!kind) throw error;
  return <ErrorPage kind={kind} onRetry={onRetry} />;
}
