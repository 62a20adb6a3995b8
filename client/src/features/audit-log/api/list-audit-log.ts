import { apiClient, type Schemas } from '@/lib/api-client';
import type { operations } from '@/lib/api/schema';
import { read } from '@/lib/read-result';

export type AuditEntry = Schemas['AuditEntry'];
export type AuditEntryPage = Schemas['AuditEntryPage'];

export type ListAuditLogQuery = NonNullable<operations['listAuditLog']['parameters']['query']>;

/**
 * GET /api/v1/audit-log (operation listAuditLog, coordinators and admins), newest first. Rejects with ApiError, or
 * the fetch error on a network failure.
 */
export function listAuditLog(query: ListAuditLogQuery, signal?: AbortSignal): Promise<AuditEntryPage> {
  return read(apiClient.GET('/api/v1/audit-log', { params: { query }, signal }));
}
