import { apiClient } from '@/lib/api-client';
import { read } from '@/lib/read-result';
import { ifMatch, toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { Theme, ThemeInput, ThemeStatus } from './types';

/** GET /api/v1/clusters/{id}/themes (operation listThemes): oldest first; for signed-in callers. */
export function listThemes(id: string, signal?: AbortSignal): Promise<Theme[]> {
  return read(apiClient.GET('/api/v1/clusters/{id}/themes', { params: { path: { id } }, signal }));
}

/** POST /api/v1/clusters/{id}/themes (operation createTheme): proposed by one of the cluster's coordinators. */
export function createTheme(id: string, body: ThemeInput, idempotencyKey: string): Promise<WriteResult<Theme>> {
  return write(async () =>
    toWriteResult(
      await apiClient.POST('/api/v1/clusters/{id}/themes', {
        params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } },
        body,
      }),
    ),
  );
}

/** PUT /themes/{themeId} (operation updateTheme) with If-Match; a proposed or active theme only, and it keeps its kind. */
export function updateTheme(id: string, themeId: string, version: number, body: ThemeInput): Promise<WriteResult<Theme>> {
  return write(async () =>
    toWriteResult(
      await apiClient.PUT('/api/v1/clusters/{id}/themes/{themeId}', { params: { path: { id, themeId }, header: ifMatch(version) }, body }),
    ),
  );
}

export type ThemeAction = 'activate' | 'complete' | 'drop';

/** POST /themes/{themeId}/activate|complete|drop (operations activateTheme, completeTheme, dropTheme). */
export function changeThemeStatus(id: string, themeId: string, action: ThemeAction): Promise<WriteResult<Theme>> {
  const params = { params: { path: { id, themeId } } };
  return write(async () => {
    switch (action) {
      case 'activate':
        return toWriteResult(await apiClient.POST('/api/v1/clusters/{id}/themes/{themeId}/activate', params));
      case 'complete':
        return toWriteResult(await apiClient.POST('/api/v1/clusters/{id}/themes/{themeId}/complete', params));
      case 'drop':
        return toWriteResult(await apiClient.POST('/api/v1/clusters/{id}/themes/{themeId}/drop', params));
    }
  });
}

/** A theme goes proposed → active → completed, and is dropped from proposed or active (or returned to its proposer). */
export function themeActions(status: ThemeStatus): ThemeAction[] {
  switch (status) {
    case 'proposed':
      return ['activate', 'drop'];
    case 'active':
      return ['complete', 'drop'];
    case 'returned':
      return ['drop'];
    default:
      return [];
  }
}

/** POST /themes/{themeId}/participants (operation joinTheme): a member site joins (its own account, or a coordinator adds it). */
export function addParticipant(id: string, themeId: string, supplierId: string): Promise<WriteResult<Theme>> {
  return write(async () =>
    toWriteResult(
      await apiClient.POST('/api/v1/clusters/{id}/themes/{themeId}/participants', { params: { path: { id, themeId } }, body: { supplierId } }),
    ),
  );
}

/** DELETE /themes/{themeId}/participants/{supplierId} (operation leaveTheme). */
export function removeParticipant(id: string, themeId: string, supplierId: string): Promise<WriteResult<Theme>> {
  return write(async () =>
    toWriteResult(
      await apiClient.DELETE('/api/v1/clusters/{id}/themes/{themeId}/participants/{supplierId}', {
        params: { path: { id, themeId, supplierId } },
      }),
    ),
  );
}
