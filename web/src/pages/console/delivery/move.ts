/**
 * A delivery move sent from an officer's dialog: `run(body)` posts it; on success `done` gets the
 * answer, otherwise `failure` holds the server's bilingual message and the details it names, and
 * the dialog stays open. (Screenings and payments carry no version: no stale page to reload.)
 */
import { useState } from 'react';
import { useDeliveryAction, useFailureText, type FailureText } from '../../../components/delivery/index.ts';

export function useDeliveryMove<TBody, TResult = unknown>(path: string, done: (r: TResult) => void) {
  const action = useDeliveryAction<TBody, TResult>(path);
  const describe = useFailureText();
  const [failure, setFailure] = useState<FailureText | null>(null);
  const run = async (body: TBody) => {
    setFailure(null);
    try {
      done(await action.mutateAsync(body));
    } catch (e) {
      setFailure(describe(e));
    }
  };
  return { run: (body: TBody) => void run(body), failure, saving: action.isPending };
}
