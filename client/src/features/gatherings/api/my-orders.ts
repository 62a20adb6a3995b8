import { apiClient, type Schemas } from '@/lib/api-client';
import { read } from '@/lib/read-result';

export type OrderChoice = Pick<Schemas['Order'], 'id' | 'orderNumber' | 'orderedOn'>;

/**
 * GET /api/v1/orders (operation listOrders): the caller's orders — placed or received — between it and one site, which
 * a meeting's outcome may name. The newest 200: far more than two firms exchange.
 */
export async function listOrdersWith(siteId: string, signal?: AbortSignal): Promise<OrderChoice[]> {
  const page = await read(apiClient.GET('/api/v1/orders', { params: { query: { limit: 200 } }, signal }));
  return page.items
    .filter((order) => order.supplier.supplierId === siteId)
    .map((order) => ({ id: order.id, orderNumber: order.orderNumber, orderedOn: order.orderedOn }));
}
