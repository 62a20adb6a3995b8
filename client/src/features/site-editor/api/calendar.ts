import { apiClient, type Schemas } from '@/lib/api-client';
import { read } from '@/lib/read-result';
import { ifMatch, toWriteResult, write, type WriteResult } from '@/lib/write-result';

export type SupplierCalendar = Schemas['SupplierCalendar'];
export type SupplierCalendarInput = Schemas['SupplierCalendarInput'];
export type DayOfWeek = Schemas['DayOfWeek'];

/**
 * GET /api/v1/suppliers/{id}/calendar (operation getSupplierCalendar): the site's weekly closed days and closed
 * periods; version 0 (Saturdays and Sundays closed) when it never set them. Rejects with ApiError.
 */
export function getSupplierCalendar(id: string, signal?: AbortSignal): Promise<SupplierCalendar> {
  return read(apiClient.GET('/api/v1/suppliers/{id}/calendar', { params: { path: { id } }, signal }));
}

/**
 * PUT /api/v1/suppliers/{id}/calendar (operation replaceSupplierCalendar): replaces the whole calendar, If-Match the
 * version it was read at (`stale` when it changed since).
 */
export function replaceSupplierCalendar(
  id: string,
  version: number,
  body: SupplierCalendarInput,
): Promise<WriteResult<SupplierCalendar>> {
  return write(async () =>
    toWriteResult(
      await apiClient.PUT('/api/v1/suppliers/{id}/calendar', { params: { path: { id }, header: ifMatch(version) }, body }),
    ),
  );
}
