import { apiClient, type Schemas } from '@/lib/api-client';
import { read } from '@/lib/read-result';

export type MeetingBrief = Schemas['MeetingBrief'];
export type BriefStep = Schemas['BriefStep'];

/**
 * GET /api/v1/gatherings/{id}/meetings/{meetingId}/brief (operation getGatheringMeetingBrief): the one-page brief of a
 * meeting — the buyer's steps against the supplier's site, with the explanation — to its two sides and the organisers.
 */
export function getBrief(id: string, meetingId: string, signal?: AbortSignal): Promise<MeetingBrief> {
  return read(apiClient.GET('/api/v1/gatherings/{id}/meetings/{meetingId}/brief', { params: { path: { id, meetingId } }, signal }));
}
