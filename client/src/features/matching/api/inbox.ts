import { apiClient } from '@/lib/api-client';
import { ApiError, asProblem } from '@/lib/problem';
import { toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { InboxItem, Invitation, InvitationAnswer } from './types';

/** GET /api/v1/matching-requests/inbox (operation matchingInbox): requests the caller's sites are invited to. */
export async function getInbox(signal?: AbortSignal): Promise<InboxItem[]> {
  const { data, error, response } = await apiClient.GET('/api/v1/matching-requests/inbox', { signal });
  if (data) {
    return data;
  }
  throw new ApiError(response.status, asProblem(error));
}

/** POST /{id}/answer (operation answerInvitation): an invited site says whether it is interested, or asks. */
export function answerInvitation(
  id: string,
  body: { supplierId: string; answer: InvitationAnswer; question?: string | null },
): Promise<WriteResult<Invitation>> {
  return write(async () =>
    toWriteResult(await apiClient.POST('/api/v1/matching-requests/{id}/answer', { params: { path: { id } }, body })),
  );
}
