import { apiClient } from '@/lib/api-client';
import { read } from '@/lib/read-result';
import type { DemandGaps } from './types';

/**
 * GET /api/v1/analytics/demand (operation getDemandGaps, coordinators): the steps buyers asked for in requests opened
 * from `from` (inclusive) to `to` (exclusive), by process, certification, workpiece size, municipality and month, with
 * how many found no candidate (unserved) or few (thin). Empty dates take the API's defaults (the last year).
 */
export function getDemandGaps(from: string, to: string, signal?: AbortSignal): Promise<DemandGaps> {
  return read(
    apiClient.GET('/api/v1/analytics/demand', {
      params: { query: { from: from || undefined, to: to || undefined } },
      signal,
    }),
  );
}
