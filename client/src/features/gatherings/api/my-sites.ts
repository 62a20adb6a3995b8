import { getCurrentUser } from '@/lib/api/accounts';
import { getSupplier, type SupplierProfile } from '@/lib/api/suppliers';

/**
 * The caller's sites as the my-sites page reads them: `supplierIds` of /auth/me, read fresh, and each site's profile
 * (a site that cannot be read is left out: it cannot register).
 */
export async function listMySites(signal?: AbortSignal): Promise<SupplierProfile[]> {
  const user = await getCurrentUser(signal);
  const sites = await Promise.all((user.supplierIds ?? []).map((id) => getSupplier(id, signal).catch(() => null)));
  return sites.filter((site): site is SupplierProfile => site !== null);
}
