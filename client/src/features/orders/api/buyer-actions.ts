import { apiClient } from '@/lib/api-client';
import { ifMatch, toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { Order, OrderReceiptInput } from './types';

export type BuyerStep = 'send' | 'agree' | 'close';
export type BuyerReasonStep = 'refuse' | 'cancel';

// The buyer's side of an order (DESIGN §11). Each names the version it read (If-Match): 412 `stale` when someone
// acted meanwhile, 409 `conflict` naming the state when the order is no longer in one the action needs.

/** POST /api/v1/orders/{id}/send|agree|close (operations sendOrder, agreeOrder, closeOrder). */
export function buyerStep(id: string, version: number, step: BuyerStep): Promise<WriteResult<Order>> {
  const params = { params: { path: { id }, header: ifMatch(version) } };
  return write(async () => {
    switch (step) {
      case 'send':
        return toWriteResult(await apiClient.POST('/api/v1/orders/{id}/send', params));
      case 'agree':
        return toWriteResult(await apiClient.POST('/api/v1/orders/{id}/agree', params));
      case 'close':
        return toWriteResult(await apiClient.POST('/api/v1/orders/{id}/close', params));
    }
  });
}

/** POST /api/v1/orders/{id}/refuse|cancel with the reason (operations refuseOrder, cancelOrder). */
export function buyerReasonStep(id: string, version: number, step: BuyerReasonStep, reason: string): Promise<WriteResult<Order>> {
  const params = { params: { path: { id }, header: ifMatch(version) }, body: { reason } };
  return write(async () =>
    toWriteResult(
      step === 'refuse'
        ? await apiClient.POST('/api/v1/orders/{id}/refuse', params)
        : await apiClient.POST('/api/v1/orders/{id}/cancel', params),
    ),
  );
}

/** POST /api/v1/orders/{id}/receipt (operation receiveOrder): accepted and rejected quantities, and why. */
export function receiveOrder(id: string, version: number, body: OrderReceiptInput): Promise<WriteResult<Order>> {
  return write(async () =>
    toWriteResult(await apiClient.POST('/api/v1/orders/{id}/receipt', { params: { path: { id }, header: ifMatch(version) }, body })),
  );
}
