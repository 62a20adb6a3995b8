import { apiClient, type Schemas } from '@/lib/api-client';
import { read } from '@/lib/read-result';

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
export function listAuditLog(query: ListAuditLogQuery, signal?: AbortSignal): Promise<AuditEntryPage> {
  return read(apiClient.GET('/api/v1/audit-log', { params: { query }, signal }));
}
