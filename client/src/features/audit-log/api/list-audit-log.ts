import { apiClient, type Schemas } from '@/lib/api-client';
import { ApiError, asProblem } from '@/lib/problem';

export type AuditEntry = Schemas['AuditEntry'];
export type AuditEntryPage = Schemas['AuditEntryPage'];

export interface ListAuditLogQuery {
  cursor?: string;
  limit?: number;
}

/**
 * GET /api/v1/audit-log (operation listAuditLog, coordinators and admins), newest first. Rejects with ApiError, or
 * the fetch error on a network failure.
 */
export async function listAuditLog(query: ListAuditLogQuery, signal?: AbortSignal): Promise<AuditEntryPage> {
  const { data, error, response } = await apiClient.GET('/api/v1/audit-log', { params: { query }, signal });
  if (data) {
    return data;
  }
  throw new ApiError(response.status, asProblem(error));
}
