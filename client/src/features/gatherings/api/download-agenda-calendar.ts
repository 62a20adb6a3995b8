import { apiClient } from '@/lib/api-client';
import { downloadBlob } from '@/lib/download';
import { ApiError, asProblem } from '@/lib/problem';

/**
 * GET /api/v1/gatherings/{id}/agenda.ics (operation getGatheringAgendaCalendar): the agenda as an iCalendar file, read
 * through the API client (it carries the bearer token, which a plain link could not) and saved as `fileName`.
 * Rejects with ApiError when the API refuses, with the fetch error when nothing answered.
 */
export async function downloadAgendaCalendar(id: string, participantId: string | undefined, fileName: string): Promise<void> {
  const { data, error, response } = await apiClient.GET('/api/v1/gatherings/{id}/agenda.ics', {
    params: { path: { id }, query: { participantId } },
    parseAs: 'blob',
  });
  if (!response.ok || !data) {
    throw new ApiError(response.status, asProblem(error));
  }
  downloadBlob(fileName, new Blob([data], { type: 'text/calendar;charset=utf-8' }));
}
