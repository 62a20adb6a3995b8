import { apiClient } from '@/lib/api-client';
import type { CursorPage } from '@/lib/paging/use-cursor-list';
import { read } from '@/lib/read-result';
import type { Order, OrderStatus } from './types';

/**
 * GET /api/v1/orders (operation listOrders): the caller's orders — those it placed and those sent to its sites —
 * newest first, a page at a time; `status` narrows them to one state, `side` to those placed or those received.
 */
export function listOrders(
  status: OrderStatus | undefined,
  side: 'placed' | 'received' | undefined,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<CursorPage<Order>> {
  return read(apiClient.GET('/api/v1/orders', { params: { query: { limit: 50, cursor, status, side } }, signal }));
}
