import { apiClient } from '@/lib/api-client';
import { read } from '@/lib/read-result';
import { ifMatch, toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { Order, OrderMilestonesInputBody, OrderProposalInput, OrderRoute, OrderShipmentInput } from './types';

/**
 * The supplier's side of one order, the same whether the firm signs in or holds the order's response link: accept,
 * reject with a reason, propose another date or quantities, start, record milestones, ship. Each names the version it
 * read (If-Match).
 */
export interface SupplierChannel {
  accept(version: number): Promise<WriteResult<Order>>;
  start(version: number): Promise<WriteResult<Order>>;
  reject(version: number, reason: string): Promise<WriteResult<Order>>;
  propose(version: number, body: OrderProposalInput): Promise<WriteResult<Order>>;
  milestones(version: number, body: OrderMilestonesInputBody): Promise<WriteResult<Order>>;
  ship(version: number, body: OrderShipmentInput): Promise<WriteResult<Order>>;
}

/** Through the signed-in account: /api/v1/orders/{id}/… (operations acceptOrder, rejectOrder, proposeOrder, …). */
export function accountChannel(id: string): SupplierChannel {
  const at = (version: number) => ({ path: { id }, header: ifMatch(version) });
  return {
    accept: (version) => write(async () => toWriteResult(await apiClient.POST('/api/v1/orders/{id}/accept', { params: at(version) }))),
    start: (version) => write(async () => toWriteResult(await apiClient.POST('/api/v1/orders/{id}/start', { params: at(version) }))),
    reject: (version, reason) =>
      write(async () => toWriteResult(await apiClient.POST('/api/v1/orders/{id}/reject', { params: at(version), body: { reason } }))),
    propose: (version, body) =>
      write(async () => toWriteResult(await apiClient.POST('/api/v1/orders/{id}/propose', { params: at(version), body }))),
    milestones: (version, body) =>
      write(async () => toWriteResult(await apiClient.PUT('/api/v1/orders/{id}/milestones', { params: at(version), body }))),
    ship: (version, body) =>
      write(async () => toWriteResult(await apiClient.POST('/api/v1/orders/{id}/shipments', { params: at(version), body }))),
  };
}

/**
 * Through the order's response link (no account): /api/v1/order-link/… with the token in the Order-Link header —
 * never in a URL, so no server or proxy log keeps it.
 */
export function linkChannel(token: string): SupplierChannel {
  const headers = { 'Order-Link': token };
  const at = (version: number) => ({ header: ifMatch(version) });
  return {
    accept: (version) => write(async () => toWriteResult(await apiClient.POST('/api/v1/order-link/accept', { params: at(version), headers }))),
    start: (version) => write(async () => toWriteResult(await apiClient.POST('/api/v1/order-link/start', { params: at(version), headers }))),
    reject: (version, reason) =>
      write(async () => toWriteResult(await apiClient.POST('/api/v1/order-link/reject', { params: at(version), headers, body: { reason } }))),
    propose: (version, body) =>
      write(async () => toWriteResult(await apiClient.POST('/api/v1/order-link/propose', { params: at(version), headers, body }))),
    milestones: (version, body) =>
      write(async () => toWriteResult(await apiClient.PUT('/api/v1/order-link/milestones', { params: at(version), headers, body }))),
    ship: (version, body) =>
      write(async () => toWriteResult(await apiClient.POST('/api/v1/order-link/shipments', { params: at(version), headers, body }))),
  };
}

/**
 * GET /api/v1/order-link (operation readOrderByLink): the order the link opens, in its route (the leg before, where
 * it ships). Rejects with ApiError: 410 when the link expired or was revoked, 404 when unknown.
 */
export function readOrderByLink(token: string, signal?: AbortSignal): Promise<OrderRoute> {
  return read(apiClient.GET('/api/v1/order-link', { headers: { 'Order-Link': token }, signal }));
}
