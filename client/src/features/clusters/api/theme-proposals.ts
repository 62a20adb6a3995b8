import { apiClient } from '@/lib/api-client';
import { ifMatch, toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { Theme, ThemeProposalInput } from './types';

/**
 * POST /api/v1/clusters/{id}/themes/proposals (operation proposeTheme): a member site (one of the caller's own)
 * proposes a theme and invites other members as partners.
 */
export function proposeTheme(id: string, body: ThemeProposalInput): Promise<WriteResult<Theme>> {
  return write(async () => toWriteResult(await apiClient.POST('/api/v1/clusters/{id}/themes/proposals', { params: { path: { id } }, body })));
}

/** PUT …/themes/{themeId}/proposal (operation reviseThemeProposal): the proposer changes it and proposes it again, If-Match. */
export function reviseProposal(id: string, theme: Theme, body: ThemeProposalInput): Promise<WriteResult<Theme>> {
  return write(async () =>
    toWriteResult(
      await apiClient.PUT('/api/v1/clusters/{id}/themes/{themeId}/proposal', {
        params: { path: { id, themeId: theme.id }, header: ifMatch(theme.version) },
        body,
      }),
    ),
  );
}

/** POST …/themes/{themeId}/return (operation returnThemeProposal): the cluster's coordinators send it back with the reason, If-Match. */
export function returnProposal(id: string, theme: Theme, reason: string): Promise<WriteResult<Theme>> {
  return write(async () =>
    toWriteResult(
      await apiClient.POST('/api/v1/clusters/{id}/themes/{themeId}/return', {
        params: { path: { id, themeId: theme.id }, header: ifMatch(theme.version) },
        body: { reason },
      }),
    ),
  );
}

/**
 * POST …/themes/{themeId}/invitations/{supplierId}/accept|decline (operations acceptThemeInvitation,
 * declineThemeInvitation): an invited member site's accounts answer — accepting joins the theme; declining gives the
 * reason.
 */
export function answerInvitation(id: string, themeId: string, supplierId: string, answer: { accept: true } | { decline: string }): Promise<WriteResult<Theme>> {
  const path = { id, themeId, supplierId };
  return write(async () =>
    toWriteResult(
      'accept' in answer
        ? await apiClient.POST('/api/v1/clusters/{id}/themes/{themeId}/invitations/{supplierId}/accept', { params: { path } })
        : await apiClient.POST('/api/v1/clusters/{id}/themes/{themeId}/invitations/{supplierId}/decline', {
            params: { path },
            body: { reason: answer.decline },
          }),
    ),
  );
}
