import { apiClient } from '@/lib/api-client';
import { ifMatch, toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { Gathering, GatheringInput } from './types';

/** POST /api/v1/gatherings (operation createGathering, coordinators): a draft the caller organises. */
export function createGathering(body: GatheringInput, idempotencyKey: string): Promise<WriteResult<Gathering>> {
  return write(async () =>
    toWriteResult(await apiClient.POST('/api/v1/gatherings', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } })),
  );
}

/** PUT /api/v1/gatherings/{id} (operation updateGathering, its organisers) with the version the form was filled from. */
export function updateGathering(id: string, version: number, body: GatheringInput): Promise<WriteResult<Gathering>> {
  return write(async () =>
    toWriteResult(await apiClient.PUT('/api/v1/gatherings/{id}', { body, params: { path: { id }, header: ifMatch(version) } })),
  );
}
