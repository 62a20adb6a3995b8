import { apiClient } from '@/lib/api-client';
import { read } from '@/lib/read-result';

export interface MySite {
  id: string;
  nameJa: string;
  published: boolean;
}

/**
 * The sites the signed-in account may act for: `supplierIds` of GET /api/v1/auth/me (read fresh, as "my sites" does),
 * each named from GET /api/v1/suppliers/{id}. A site that cannot be read is listed by its id.
 */
export async function getMySites(signal?: AbortSignal): Promise<MySite[]> {
  const me = await read(apiClient.GET('/api/v1/auth/me', { signal }));
  return Promise.all(
    (me.supplierIds ?? []).map(async (id): Promise<MySite> => {
      const { data } = await apiClient.GET('/api/v1/suppliers/{id}', { params: { path: { id } }, signal });
      return data ? { id, nameJa: data.nameJa, published: data.status === 'published' } : { id, nameJa: id, published: false };
    }),
  );
}
