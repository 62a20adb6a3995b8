import { apiClient } from '@/lib/api-client';
import { read } from '@/lib/read-result';
import type { OrderIndicators } from './types';

/**
 * GET /api/v1/analytics/orders (operation getOrderIndicators, coordinators): orders placed through the registry by
 * sector and municipality of the supplier site, cells of fewer than 3 firms suppressed. Empty dates take the API's
 * defaults (the last year).
 */
export function getOrderIndicators(from: string, to: string, signal?: AbortSignal): Promise<OrderIndicators> {
  return read(
    apiClient.GET('/api/v1/analytics/orders', {
      params: { query: { from: from || undefined, to: to || undefined } },
      signal,
    }),
  );
}
