import { useEffect, useState } from 'react';
import { getReadiness, type Readiness } from '../api/get-readiness';

export const readinessPollIntervalMs = 5_000;

export type ReadinessState =
  | { kind: 'loading' }
  | (Readiness & { checkedAt: Date })
  | { kind: 'error'; checkedAt: Date };

/**
 * Polls GET /readyz: once at mount, then `intervalMs` after each answer. The last answer stays on screen
 * while the next request is in flight, so the status does not flicker back to "loading".
 */
export function useReadiness(intervalMs: number = readinessPollIntervalMs): ReadinessState {
  const [state, setState] = useState<ReadinessState>({ kind: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;

    async function poll() {
      let next: ReadinessState;
      try {
        next = { ...(await getReadiness(controller.signal)), checkedAt: new Date() };
      } catch {
        next = { kind: 'error', checkedAt: new Date() };
      }
      if (controller.signal.aborted) {
        return;
      }
      setState(next);
      timer = setTimeout(() => void poll(), intervalMs);
    }

    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [intervalMs]);

  return state;
}
