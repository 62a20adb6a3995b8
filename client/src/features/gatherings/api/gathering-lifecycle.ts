import { apiClient } from '@/lib/api-client';
import { ifMatch, toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { Gathering } from './types';

export type LifecycleStep = 'publish' | 'open-booking' | 'hold' | 'close' | 'cancel';

/**
 * POST /api/v1/gatherings/{id}/publish|open-booking|hold|close|cancel (operations publishGathering,
 * openGatheringBooking, holdGathering, closeGathering, cancelGathering; its organisers), naming the version read:
 * 412 `stale` when someone acted meanwhile, 409 `conflict` naming the state.
 */
export function lifecycleStep(id: string, version: number, step: LifecycleStep): Promise<WriteResult<Gathering>> {
  const params = { params: { path: { id }, header: ifMatch(version) } };
  return write(async () => {
    switch (step) {
      case 'publish':
        return toWriteResult(await apiClient.POST('/api/v1/gatherings/{id}/publish', params));
      case 'open-booking':
        return toWriteResult(await apiClient.POST('/api/v1/gatherings/{id}/open-booking', params));
      case 'hold':
        return toWriteResult(await apiClient.POST('/api/v1/gatherings/{id}/hold', params));
      case 'close':
        return toWriteResult(await apiClient.POST('/api/v1/gatherings/{id}/close', params));
      case 'cancel':
        return toWriteResult(await apiClient.POST('/api/v1/gatherings/{id}/cancel', params));
    }
  });
}
