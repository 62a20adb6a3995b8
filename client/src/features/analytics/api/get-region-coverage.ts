import { apiClient } from '@/lib/api-client';
import { ApiError, asProblem } from '@/lib/problem';
import type { RegionCoverage, RegionQuery } from './types';

/**
 * GET /api/v1/analytics/coverage (operation getRegionCoverage, public): per process family, the region's published
 * sites that do it, by municipality, the families nobody does, and the region's indicators. Capacity, certificate and
 * staff figures count only what the caller may see. A refused region is an ApiError 400 with the API's messages.
 */
export async function getRegionCoverage(query: RegionQuery, signal?: AbortSignal): Promise<RegionCoverage> {
  const { data, error, response } = await apiClient.GET('/api/v1/analytics/coverage', {
    params: {
      query: {
        prefecture: query.prefecture.length > 0 ? query.prefecture : undefined,
        lat: query.lat,
        lon: query.lon,
        withinKm: query.withinKm,
      },
    },
    signal,
  });
  if (data) {
    return data;
  }
  throw new ApiError(response.status, asProblem(error));
}
