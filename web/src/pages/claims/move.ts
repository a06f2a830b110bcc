/**
 * A firm's move on its claim (confirm, decline, recheck), sent with the version it saw. Someone
 * having changed the claim meanwhile (409 `stale_version`) is not an error to read: the claim is
 * reloaded and the firm told to check it. Anything else is returned for the form to show.
 */
import { App } from 'antd';
import { ApiError } from '../../api.ts';
import { useDeliveryAction, useRefreshDelivery, type Claim } from '../../components/delivery/index.ts';
import { useI18n } from '../../i18n/index.tsx';

export function useClaimMove<TBody extends object, TResult = Claim>(
  claim: Claim,
  action: 'confirm' | 'decline' | 'recheck',
) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefreshDelivery();
  const mutation = useDeliveryAction<TBody & { version: number }, TResult>(`/api/v1/claims/${claim.id}/${action}`);
  /** The answer, or the error when it is one the caller must show (null after a stale page). */
  const send = async (body: TBody): Promise<{ ok: TResult } | { error: unknown } | null> => {
    try {
      return { ok: await mutation.mutateAsync({ ...body, version: claim.version }) };
    } catch (e) {
      if (e instanceof ApiError && e.code === 'stale_version') {
        message.warning(t('claim.stale'));
        refresh();
        return null;
      }
      return { error: e };
    }
  };
  return { send, pending: mutation.isPending };
}
