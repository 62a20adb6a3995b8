import { apiClient } from '@/lib/api-client';
import { ifMatch, toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { Meeting, MeetingPlace } from './types';

/** POST …/meetings/{meetingId}/accept (operation acceptGatheringMeeting): the side asked agrees. */
export function acceptMeeting(id: string, meeting: Meeting): Promise<WriteResult<Meeting>> {
  return write(async () =>
    toWriteResult(
      await apiClient.POST('/api/v1/gatherings/{id}/meetings/{meetingId}/accept', {
        params: { path: { id, meetingId: meeting.id }, header: ifMatch(meeting.version) },
      }),
    ),
  );
}

/**
 * POST …/meetings/{meetingId}/decline|cancel (operations declineGatheringMeeting, cancelGatheringMeeting) with the
 * reason: the side asked declines; either side or an organiser cancels.
 */
export function endMeeting(id: string, meeting: Meeting, step: 'decline' | 'cancel', reason: string): Promise<WriteResult<Meeting>> {
  const params = { params: { path: { id, meetingId: meeting.id }, header: ifMatch(meeting.version) }, body: { reason } };
  return write(async () =>
    toWriteResult(
      step === 'decline'
        ? await apiClient.POST('/api/v1/gatherings/{id}/meetings/{meetingId}/decline', params)
        : await apiClient.POST('/api/v1/gatherings/{id}/meetings/{meetingId}/cancel', params),
    ),
  );
}

/**
 * PUT …/meetings/{meetingId}/placement (operation placeGatheringMeeting, organisers): pins an accepted meeting at a
 * session, slot and table, or unpins it (null). 409 when the table is taken or a side is busy then.
 */
export function placeMeeting(id: string, meeting: Meeting, place: MeetingPlace | null): Promise<WriteResult<Meeting>> {
  return write(async () =>
    toWriteResult(
      await apiClient.PUT('/api/v1/gatherings/{id}/meetings/{meetingId}/placement', {
        params: { path: { id, meetingId: meeting.id }, header: ifMatch(meeting.version) },
        // The contract has no null for `place`: a body without it unpins (the API reads it as null).
        body: place ? { place } : {},
      }),
    ),
  );
}
