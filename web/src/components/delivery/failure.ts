/** What a refused delivery move tells the user: the server's message in their language and the details it names. */
import { ApiError, NetworkError } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';

export interface FailureText {
  text: string;
  details: string[];
}

export function useFailureText() {
  const { t, pick } = useI18n();
  return (err: unknown): FailureText => {
    if (err instanceof NetworkError) return { text: t('error.network.text'), details: [] };
    if (err instanceof ApiError) return { text: pick(err.text), details: err.details.map((d) => d.message) };
    return { text: err instanceof Error ? err.message : String(err), details: [] };
  };
}
