import { apiClient } from '@/lib/api-client';
import { read } from '@/lib/read-result';
import { toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { ClusterMember } from './types';

/** GET /api/v1/clusters/{id}/members (operation listClusterMembers): members with the steps they cover; coordinators also get applicants. */
export function listMembers(id: string, signal?: AbortSignal): Promise<ClusterMember[]> {
  return read(apiClient.GET('/api/v1/clusters/{id}/members', { params: { path: { id } }, signal }));
}

/**
 * POST /api/v1/clusters/{id}/members (operation joinCluster): a site applies through one of its own accounts (it
 * becomes an applicant), or a coordinator adds it (a member at once). A site already there is answered as it is.
 */
export function joinCluster(id: string, supplierId: string, note?: string): Promise<WriteResult<ClusterMember>> {
  return write(async () =>
    toWriteResult(
      await apiClient.POST('/api/v1/clusters/{id}/members', { params: { path: { id } }, body: { supplierId, note: note || null } }),
    ),
  );
}

/** POST /members/{supplierId}/accept (operation acceptClusterMember): an applicant becomes a member. */
export function acceptMember(id: string, supplierId: string): Promise<WriteResult<ClusterMember>> {
  return write(async () =>
    toWriteResult(await apiClient.POST('/api/v1/clusters/{id}/members/{supplierId}/accept', { params: { path: { id, supplierId } } })),
  );
}

/** DELETE /members/{supplierId} (operation removeClusterMember): a member or applicant leaves, and with it the cluster's themes. */
export function removeMember(id: string, supplierId: string): Promise<WriteResult<null>> {
  return write(async () =>
    toWriteResult(await apiClient.DELETE('/api/v1/clusters/{id}/members/{supplierId}', { params: { path: { id, supplierId } } }), null),
  );
}
