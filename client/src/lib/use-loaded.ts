import { useCallback, useEffect, useState } from 'react';
import { useSessionState } from '@/lib/auth';

export type Loaded<T> = { kind: 'loading' } | { kind: 'ready'; data: T } | { kind: 'error'; error: unknown };

/**
 * What `load` answers, read again when the sign-in changes (what a caller may see depends on who asks), when `key`
 * changes and on reload(); `replace` puts in what a write answered with.
 */
export function useLoaded<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): { state: Loaded<T>; reload: () => void; replace: (data: T) => void } {
  const session = useSessionState();
  const signedInAs = session.status === 'signed-in' ? session.user.id : session.status;
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (signedInAs === 'restoring') {
      return;
    }
    const controller = new AbortController();
    setState({ kind: 'loading' });
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ kind: 'ready', data }),
      (error: unknown) => !controller.signal.aborted && setState({ kind: 'error', error }),
    );
    return () => controller.abort();
    // `load` is read for the key it belongs to; a new function for the same key does not load again.
  }, [key, signedInAs, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((data: T) => setState({ kind: 'ready', data }), []);
  return { state, reload, replace };
}
