import { apiClient, type Schemas } from '@/lib/api-client';
import type { operations } from '@/lib/api/schema';
import { read } from '@/lib/read-result';

export type Account = Schemas['Account'];
export type AccountPage = Schemas['AccountPage'];

export type ListAccountsQuery = NonNullable<operations['listAccounts']['parameters']['query']>;

/** GET /api/v1/accounts (operation listAccounts, admin). Rejects with ApiError, or the fetch error. */
export function listAccounts(query: ListAccountsQuery, signal?: AbortSignal): Promise<AccountPage> {
  return read(apiClient.GET('/api/v1/accounts', { params: { query }, signal }));
}
