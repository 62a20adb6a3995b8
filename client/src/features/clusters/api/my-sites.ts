import { getCurrentUser } from '@/lib/api/accounts';
import { getSupplier } from '@/lib/api/suppliers';
import { ApiError } from '@/lib/problem';

export interface MySite {
  id: string;
  nameJa: string;
  published: boolean;
}

/**
 * The sites the signed-in account may act for: `supplierIds` of GET /api/v1/auth/me (read fresh, as "my sites" does),
 * each named from GET /api/v1/suppliers/{id}. A site the API refuses to show is listed by its id.
 */
export async function getMySites(signal?: AbortSignal): Promise<MySite[]> {
  const me = await getCurrentUser(signal);
  return Promise.all(
    (me.supplierIds ?? []).map((id) =>
      getSupplier(id, signal).then(
        (site): MySite => ({ id, nameJa: site.nameJa, published: site.status === 'published' }),
        (error: unknown): MySite => {
          if (error instanceof ApiError) {
            return { id, nameJa: id, published: false };
          }
          throw error;
        },
      ),
    ),
  );
}

/** The ids of the sites the signed-in account acts for: `supplierIds` of GET /api/v1/auth/me, read fresh. */
export async function getMySiteIds(signal?: AbortSignal): Promise<string[]> {
  return (await getCurrentUser(signal)).supplierIds ?? [];
}
