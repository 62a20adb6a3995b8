import { apiClient } from '@/lib/api-client';
import { read } from '@/lib/read-result';
import type { Agenda } from './types';

/**
 * GET /api/v1/gatherings/{id}/agenda (operation getGatheringAgenda): a participant's accepted meetings in time order
 * — the caller's own registration, or (organisers) anyone's with `participantId`.
 */
export function getAgenda(id: string, participantId: string | undefined, signal?: AbortSignal): Promise<Agenda> {
  return read(apiClient.GET('/api/v1/gatherings/{id}/agenda', { params: { path: { id }, query: { participantId } }, signal }));
}
