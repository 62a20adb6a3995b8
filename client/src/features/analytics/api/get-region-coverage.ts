import { apiClient } from '@/lib/api-client';
import { read } from '@/lib/read-result';
import type { RegionCoverage, RegionQuery } from './types';

/**
 * GET /api/v1/analytics/coverage (operation getRegionCoverage, public): per process family, the region's published
 * sites that do it, by municipality, the families nobody does, and the region's indicators. Capacity, certificate and
 * staff figures count only what the caller may see. A refused region is an ApiError 400 with the API's messages.
 */
export function getRegionCoverage(query: RegionQuery, signal?: AbortSignal): Promise<RegionCoverage> {
  return read(
    apiClient.GET('/api/v1/analytics/coverage', {
      params: {
        query: {
          prefecture: query.prefecture.length > 0 ? query.prefecture : undefined,
          lat: query.lat,
          lon: query.lon,
          withinKm: query.withinKm,
        },
      },
      signal,
    }),
  );
}
