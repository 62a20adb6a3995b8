import { apiClient, type Schemas } from '@/lib/api-client';
import { ApiError, asProblem } from '@/lib/problem';

export type CurrentUser = Schemas['CurrentUser'];

/** GET /api/v1/auth/me (operation getCurrentUser). Rejects with ApiError, or the fetch error on a network failure. */
export async function getCurrentUser(signal?: AbortSignal): Promise<CurrentUser> {
  const { data, error, response } = await apiClient.GET('/api/v1/auth/me', { signal });
  if (data) {
    return data;
  }
  throw new ApiError(response.status, asProblem(error));
}
