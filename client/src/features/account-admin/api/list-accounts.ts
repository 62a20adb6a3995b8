import { apiClient, type Schemas } from '@/lib/api-client';
import { ApiError, asProblem } from '@/lib/problem';

export type Account = Schemas['Account'];
export type AccountPage = Schemas['AccountPage'];
export type AccountRole = Schemas['AccountRole'];

export interface ListAccountsQuery {
  role?: AccountRole;
  cursor?: string;
  limit?: number;
}

/** GET /api/v1/accounts (operation listAccounts, admin). Rejects with ApiError, or the fetch error. */
export async function listAccounts(query: ListAccountsQuery, signal?: AbortSignal): Promise<AccountPage> {
  const { data, error, response } = await apiClient.GET('/api/v1/accounts', { params: { query }, signal });
  if (data) {
    return data;
  }
  throw new ApiError(response.status, asProblem(error));
}
