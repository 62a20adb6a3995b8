import { apiClient } from '@/lib/api-client';
import { read } from '@/lib/read-result';
import type { Order, OrderRoute } from './types';

/** GET /api/v1/orders/{id} (operation getOrder): to its buyer and its supplier; anyone else gets 404 (ApiError). */
export function getOrder(id: string, signal?: AbortSignal): Promise<Order> {
  return read(apiClient.GET('/api/v1/orders/{id}', { params: { path: { id } }, signal }));
}

/**
 * GET /api/v1/order-routes/{id} (operation getOrderRoute): the buyer gets every leg; a firm its own order, the leg
 * before it (no prices) and where it ships, with the expected arrival recomputed for today.
 */
export function getOrderRoute(id: string, signal?: AbortSignal): Promise<OrderRoute> {
  return read(apiClient.GET('/api/v1/order-routes/{id}', { params: { path: { id } }, signal }));
}
