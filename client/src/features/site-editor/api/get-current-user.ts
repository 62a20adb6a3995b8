import { apiClient, type Schemas } from '@/lib/api-client';
import { ApiError, asProblem } from '@/lib/problem';

export type CurrentUser = Schemas['CurrentUser'];

/**
 * GET /api/v1/auth/me (operation getCurrentUser): read fresh rather than taken from the sign-in, because the sites an
 * account may edit (`supplierIds`) change when it registers one.
 */
export async function getCurrentUser(signal?: AbortSignal): Promise<CurrentUser> {
  const { data, error, response } = await apiClient.GET('/api/v1/auth/me', { signal });
  if (data) {
    return data;
  }
  throw new ApiError(response.status, asProblem(error));
}
