import { apiClient, type Schemas } from '@/lib/api-client';
import { ifMatch, toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { Meeting } from './types';

export type MeetingOutcomeInput = Schemas['MeetingOutcomeInput'];
export type MeetingOutcomeKind = Schemas['MeetingOutcomeKind'];
export const outcomeKinds: readonly MeetingOutcomeKind[] = ['none', 'continue', 'quote_requested', 'trial_order'];

/**
 * PUT /api/v1/gatherings/{id}/meetings/{meetingId}/outcome (operation recordGatheringMeetingOutcome): what came of a
 * meeting, for the caller's side, once the gathering is held — perhaps linked to a matching request of the buyer's or
 * an order between the two. Names the meeting's version (If-Match).
 */
export function recordOutcome(id: string, meeting: Meeting, body: MeetingOutcomeInput): Promise<WriteResult<Meeting>> {
  return write(async () =>
    toWriteResult(
      await apiClient.PUT('/api/v1/gatherings/{id}/meetings/{meetingId}/outcome', {
        params: { path: { id, meetingId: meeting.id }, header: ifMatch(meeting.version) },
        body,
      }),
    ),
  );
}
