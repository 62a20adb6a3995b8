import { getSupplier, type SupplierProfile } from '@/lib/api/suppliers';
import { useLoaded } from '@/lib/use-loaded';

export type SupplierState =
  | { kind: 'loading' }
  | { kind: 'ready'; profile: SupplierProfile }
  | { kind: 'error'; error: unknown };

/**
 * One profile. Read again when the sign-in changes (what a caller may see depends on who asks) and on reload();
 * `replace` puts in a profile a write answered with.
 */
export function useSupplier(id: string): { state: SupplierState; reload: () => void; replace: (profile: SupplierProfile) => void } {
  const { state, reload, replace } = useLoaded(id, (signal) => getSupplier(id, signal));
  return { state: state.kind === 'ready' ? { kind: 'ready', profile: state.data } : state, reload, replace };
}
