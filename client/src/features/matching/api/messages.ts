import { apiClient } from '@/lib/api-client';
import { read } from '@/lib/read-result';
import { toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { InvitationMessage } from './types';

const path = '/api/v1/matching-requests/{id}/invitations/{supplierId}/messages' as const;

/** GET …/invitations/{supplierId}/messages (operation listInvitationMessages): the thread, oldest first. */
export function listMessages(id: string, supplierId: string, signal?: AbortSignal): Promise<InvitationMessage[]> {
  return read(apiClient.GET(path, { params: { path: { id, supplierId } }, signal }));
}

/** POST …/invitations/{supplierId}/messages (operation postInvitationMessage): the buyer or the invited site writes. */
export function postMessage(id: string, supplierId: string, text: string): Promise<WriteResult<InvitationMessage>> {
  return write(async () => toWriteResult(await apiClient.POST(path, { params: { path: { id, supplierId } }, body: { text } })));
}
