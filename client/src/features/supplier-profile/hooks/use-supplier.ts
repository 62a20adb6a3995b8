import { useCallback, useEffect, useState } from 'react';
import { useSessionState } from '@/lib/auth';
import { getSupplier, type SupplierProfile } from '../api/get-supplier';

export type SupplierState =
  | { kind: 'loading' }
  | { kind: 'ready'; profile: SupplierProfile }
  | { kind: 'error'; error: unknown };

/**
 * One profile. Read again when the sign-in changes (what a caller may see depends on who asks) and on reload();
 * `replace` puts in a profile a write answered with.
 */
export function useSupplier(id: string): { state: SupplierState; reload: () => void; replace: (profile: SupplierProfile) => void } {
  const session = useSessionState();
  const signedInAs = session.status === 'signed-in' ? session.user.id : session.status;
  const [state, setState] = useState<SupplierState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (signedInAs === 'restoring') {
      return;
    }
    const controller = new AbortController();
    setState({ kind: 'loading' });
    getSupplier(id, controller.signal).then(
      (profile) => !controller.signal.aborted && setState({ kind: 'ready', profile }),
      (error: unknown) => !controller.signal.aborted && setState({ kind: 'error', error }),
    );
    return () => controller.abort();
  }, [id, signedInAs, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((profile: SupplierProfile) => setState({ kind: 'ready', profile }), []);
  return { state, reload, replace };
}
