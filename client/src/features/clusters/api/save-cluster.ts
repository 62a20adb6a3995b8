import { apiClient } from '@/lib/api-client';
import { ifMatch, toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { Cluster, ClusterInput } from './types';

/**
 * POST /api/v1/clusters (operation createCluster): a new cluster, as a draft. The Idempotency-Key makes a retry after
 * a lost answer safe; a code that is taken is a `conflict` (409).
 */
export function createCluster(body: ClusterInput, idempotencyKey: string): Promise<WriteResult<Cluster>> {
  return write(async () =>
    toWriteResult(await apiClient.POST('/api/v1/clusters', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } })),
  );
}

/**
 * PUT /api/v1/clusters/{id} (operation updateCluster) with If-Match: the version the form was filled from. Someone
 * else's change meanwhile makes it `stale` (412).
 */
export function updateCluster(id: string, version: number, body: ClusterInput): Promise<WriteResult<Cluster>> {
  return write(async () =>
    toWriteResult(await apiClient.PUT('/api/v1/clusters/{id}', { params: { path: { id }, header: ifMatch(version) }, body })),
  );
}
