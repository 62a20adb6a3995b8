import { apiClient, type Schemas } from '@/lib/api-client';
import { read } from '@/lib/read-result';

// Calls on the signed-in account that more than one feature makes.

export type CurrentUser = Schemas['CurrentUser'];

/**
 * GET /api/v1/auth/me (operation getCurrentUser). Read fresh rather than taken from the sign-in where the sites an
 * account may act for (`supplierIds`) matter: they change when it registers one. Rejects with ApiError, or the fetch
 * error on a network failure.
 */
export function getCurrentUser(signal?: AbortSignal): Promise<CurrentUser> {
  return read(apiClient.GET('/api/v1/auth/me', { signal }));
}
