import { useRef } from 'react';
import type { Loaded } from '@/lib/use-loaded';

/**
 * The last data a load answered with, kept while it loads again (after a write): the page stays as it is — open
 * lists, forms and the scroll position with it — instead of giving way to a spinner. Null before the first answer.
 */
export function useKept<T>(state: Loaded<T>): T | null {
  const kept = useRef<T | null>(null);
  if (state.kind === 'ready') {
    kept.current = state.data;
  }
  return kept.current;
}
