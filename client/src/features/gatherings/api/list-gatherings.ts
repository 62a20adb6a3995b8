import { apiClient } from '@/lib/api-client';
import type { CursorPage } from '@/lib/paging/use-cursor-list';
import { read } from '@/lib/read-result';
import type { Gathering, GatheringKind } from './types';

/**
 * GET /api/v1/gatherings (operation listGatherings): published gatherings (coordinators: drafts too) by day, a page
 * at a time; `from` keeps those held on or after that day, `kind` one kind.
 */
export function listGatherings(
  query: { from?: string; kind?: GatheringKind },
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<CursorPage<Gathering>> {
  return read(apiClient.GET('/api/v1/gatherings', { params: { query: { limit: 50, cursor, from: query.from, kind: query.kind } }, signal }));
}
