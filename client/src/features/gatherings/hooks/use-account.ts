import { hasRole, useSessionState } from '@/lib/auth';

/** Who is reading: the account's id (null signed out), whether it is a coordinator (or admin), and its sites. */
export function useAccount() {
  const session = useSessionState();
  const user = session.status === 'signed-in' ? session.user : null;
  return {
    status: session.status,
    accountId: user?.id ?? null,
    coordinator: user !== null && hasRole(user, ['coordinator', 'admin']),
    supplierIds: user?.supplierIds ?? [],
  };
}
