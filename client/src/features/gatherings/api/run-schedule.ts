import { apiClient } from '@/lib/api-client';
import { ifMatch, toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { ScheduleResult } from './types';

/**
 * POST /api/v1/gatherings/{id}/schedule (operation scheduleGathering, its organisers): places the accepted meetings,
 * keeping pinned ones; answers how many were placed, the bound, the unplaced and the pinned ones that break a rule.
 */
export function runSchedule(id: string, version: number): Promise<WriteResult<ScheduleResult>> {
  return write(async () =>
    toWriteResult(await apiClient.POST('/api/v1/gatherings/{id}/schedule', { params: { path: { id }, header: ifMatch(version) } })),
  );
}
