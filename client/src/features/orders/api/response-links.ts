import { apiClient } from '@/lib/api-client';
import { read } from '@/lib/read-result';
import { toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { OrderLink, OrderLinkCreated } from './types';

/**
 * POST /api/v1/orders/{id}/links (operation createOrderLink): a response link for the order's supplier. Its token
 * comes only in this answer (the service keeps a hash): whoever shows or prints it takes it from here.
 */
export function createOrderLink(id: string): Promise<WriteResult<OrderLinkCreated>> {
  return write(async () => toWriteResult(await apiClient.POST('/api/v1/orders/{id}/links', { params: { path: { id } } })));
}

/** GET /api/v1/orders/{id}/links (operation listOrderLinks): the order's links, without tokens. */
export function listOrderLinks(id: string, signal?: AbortSignal): Promise<OrderLink[]> {
  return read(apiClient.GET('/api/v1/orders/{id}/links', { params: { path: { id } }, signal }));
}

/** POST /api/v1/orders/{id}/links/{linkId}/revoke (operation revokeOrderLink): the link answers 410 from now on. */
export function revokeOrderLink(id: string, linkId: string): Promise<WriteResult<OrderLink>> {
  return write(async () =>
    toWriteResult(await apiClient.POST('/api/v1/orders/{id}/links/{linkId}/revoke', { params: { path: { id, linkId } } })),
  );
}
