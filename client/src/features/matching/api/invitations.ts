import { apiClient } from '@/lib/api-client';
import { read } from '@/lib/read-result';
import { toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { Invitation, MatchingRequest } from './types';

/** GET /api/v1/matching-requests/{id}/invitations (operation listInvitations): the sites invited and how they answered. */
export function listInvitations(id: string, signal?: AbortSignal): Promise<Invitation[]> {
  return read(
    apiClient.GET('/api/v1/matching-requests/{id}/invitations', {
      params: { path: { id } },
      signal,
    }),
  );
}

/** POST /{id}/invitations (operation inviteSupplier): invites a candidate of the open request. */
export function inviteSupplier(id: string, supplierId: string): Promise<WriteResult<Invitation>> {
  return write(async () =>
    toWriteResult(
      await apiClient.POST('/api/v1/matching-requests/{id}/invitations', { params: { path: { id } }, body: { supplierId } }),
    ),
  );
}

/** POST /{id}/shortlist (operation shortlistSupplier): an interested site goes on the shortlist. */
export function shortlistSupplier(id: string, supplierId: string): Promise<WriteResult<Invitation>> {
  return write(async () =>
    toWriteResult(
      await apiClient.POST('/api/v1/matching-requests/{id}/shortlist', { params: { path: { id } }, body: { supplierId } }),
    ),
  );
}

/** POST /{id}/award (operation awardMatchingRequest): the request goes to this site. */
export function awardRequest(id: string, supplierId: string): Promise<WriteResult<MatchingRequest>> {
  return write(async () =>
    toWriteResult(await apiClient.POST('/api/v1/matching-requests/{id}/award', { params: { path: { id } }, body: { supplierId } })),
  );
}

/**
 * POST /{id}/award with stepSupplierIds (operation awardMatchingRequest): the request goes to a whole chain, one site
 * per step in step order; orders then follow as a route (features/orders). `supplierId` is the first step's site.
 */
export function awardChain(id: string, stepSupplierIds: readonly string[]): Promise<WriteResult<MatchingRequest>> {
  return write(async () =>
    toWriteResult(
      await apiClient.POST('/api/v1/matching-requests/{id}/award', {
        params: { path: { id } },
        body: { supplierId: stepSupplierIds[0] ?? '', stepSupplierIds: [...stepSupplierIds] },
      }),
    ),
  );
}
