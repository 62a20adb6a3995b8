import { apiClient, type Schemas } from '@/lib/api-client';
import { read } from '@/lib/read-result';

export type Account = Schemas['Account'];
export type AccountPage = Schemas['AccountPage'];
export type AccountRole = Schemas['AccountRole'];

export interface ListAccountsQuery {
  role?: AccountRole;
  cursor?: string;
  limit?: number;
}

/** GET /api/v1/accounts (operation listAccounts, admin). Rejects with ApiError, or the fetch error. */
export function listAccounts(query: ListAccountsQuery, signal?: AbortSignal): Promise<AccountPage> {
  return read(apiClient.GET('/api/v1/accounts', { params: { query }, signal }));
}
