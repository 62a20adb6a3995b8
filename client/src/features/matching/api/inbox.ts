import { apiClient } from '@/lib/api-client';
import { read } from '@/lib/read-result';
import { toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { InboxItem, Invitation, InvitationAnswer } from './types';

/** GET /api/v1/matching-requests/inbox (operation matchingInbox): requests the caller's sites are invited to. */
export function getInbox(signal?: AbortSignal): Promise<InboxItem[]> {
  return read(apiClient.GET('/api/v1/matching-requests/inbox', { signal }));
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
