import { useCallback, useEffect, useState } from 'react';
import { getCurrentUser, type CurrentUser } from '@/lib/api/accounts';

export type CurrentUserState = { kind: 'loading' } | { kind: 'ready'; user: CurrentUser } | { kind: 'error'; error: unknown };

/** Asks the API who the signed-in user is, once per mount (and again on reload()). */
export function useCurrentUser(): { state: CurrentUserState; reload: () => void } {
  const [state, setState] = useState<CurrentUserState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    getCurrentUser(controller.signal).then(
      (user) => {
        if (!controller.signal.aborted) {
          setState({ kind: 'ready', user });
        }
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState({ kind: 'error', error });
        }
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
