import { apiClient } from '@/lib/api-client';
import { read } from '@/lib/read-result';
import type { Gathering } from './types';

/** GET /api/v1/gatherings/{id} (operation getGathering): published ones to anyone, drafts to coordinators; else 404. */
export function getGathering(id: string, signal?: AbortSignal): Promise<Gathering> {
  return read(apiClient.GET('/api/v1/gatherings/{id}', { params: { path: { id } }, signal }));
}
