import { apiClient } from '@/lib/api-client';
import { toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { OrderRoute, OrderRouteInput } from './types';

/**
 * POST /api/v1/orders (operation createOrders): places the orders as drafts, one per leg, linked as a route. The
 * service computes amounts and tax; the Idempotency-Key makes a retry after a lost answer safe.
 */
export function createOrders(body: OrderRouteInput, idempotencyKey: string): Promise<WriteResult<OrderRoute>> {
  return write(async () =>
    toWriteResult(await apiClient.POST('/api/v1/orders', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } })),
  );
}
