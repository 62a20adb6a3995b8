import { apiClient, type Schemas } from '@/lib/api-client';
import { read } from '@/lib/read-result';

export type CurrentUser = Schemas['CurrentUser'];

/**
 * GET /api/v1/auth/me (operation getCurrentUser): read fresh rather than taken from the sign-in, because the sites an
 * account may edit (`supplierIds`) change when it registers one.
 */
export function getCurrentUser(signal?: AbortSignal): Promise<CurrentUser> {
  return read(apiClient.GET('/api/v1/auth/me', { signal }));
}
