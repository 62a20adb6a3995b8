import { apiClient, type Schemas } from '@/lib/api-client';
import { read } from '@/lib/read-result';

export type CurrentUser = Schemas['CurrentUser'];

/** GET /api/v1/auth/me (operation getCurrentUser). Rejects with ApiError, or the fetch error on a network failure. */
export function getCurrentUser(signal?: AbortSignal): Promise<CurrentUser> {
  return read(apiClient.GET('/api/v1/auth/me', { signal }));
}
