import { useCallback, useEffect, useRef, useState } from 'react';

/** One page of a keyset-paginated list (DESIGN §6): `nextCursor` is absent or null on the last page. */
export interface CursorPage<T> {
  items: T[];
  nextCursor?: string | null;
}

export type FetchPage<T> = (cursor: string | undefined, signal: AbortSignal) => Promise<CursorPage<T>>;

export type CursorListState<T> =
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | {
      kind: 'ready';
      items: T[];
      nextCursor: string | null;
      /** Loading the next page: `idle`, in flight, or failed (the pages so far stay on screen). */
      more: { kind: 'idle' } | { kind: 'loading' } | { kind: 'error'; error: unknown };
    };

export interface CursorList<T> {
  state: CursorListState<T>;
  /** Appends the next page. */
  loadMore: () => void;
  /** Starts again from the first page (after an error). */
  reload: () => void;
}

/**
 * Loads the first page of a list, then further pages on demand. A new `fetchPage` (e.g. another filter, via
 * useCallback) starts from the first page again; answers that arrive for an earlier list are dropped.
 */
export function useCursorList<T>(fetchPage: FetchPage<T>): CursorList<T> {
  const [state, setState] = useState<CursorListState<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // The controller of the current list; aborting it drops every answer still in flight for it.
  const current = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    current.current = controller;
    setState({ kind: 'loading' });
    fetchPage(undefined, controller.signal).then(
      (page) => {
        if (!controller.signal.aborted) {
          setState({ kind: 'ready', items: page.items, nextCursor: page.nextCursor ?? null, more: { kind: 'idle' } });
        }
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState({ kind: 'error', error });
        }
      },
    );
    return () => controller.abort();
  }, [fetchPage, attempt]);

  const loadMore = useCallback(() => {
    const controller = current.current;
    if (state.kind !== 'ready' || !state.nextCursor || state.more.kind === 'loading' || !controller) {
      return;
    }
    const cursor = state.nextCursor;
    setState({ ...state, more: { kind: 'loading' } });
    fetchPage(cursor, controller.signal).then(
      (page) => {
        if (!controller.signal.aborted) {
          setState((previous) =>
            previous.kind === 'ready'
              ? {
                  kind: 'ready',
                  items: [...previous.items, ...page.items],
                  nextCursor: page.nextCursor ?? null,
                  more: { kind: 'idle' },
                }
              : previous,
          );
        }
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState((previous) => (previous.kind === 'ready' ? { ...previous, more: { kind: 'error', error } } : previous));
        }
      },
    );
  }, [state, fetchPage]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  return { state, loadMore, reload };
}
