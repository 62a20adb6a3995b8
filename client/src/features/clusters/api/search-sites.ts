import { searchSuppliers, type SupplierSummary } from '@/lib/api/suppliers';

/**
 * GET /api/v1/suppliers (operation searchSuppliers): published sites by name or word and, optionally, a process —
 * for a coordinator choosing a site to add to a cluster. The first ten.
 */
export async function searchSites(q: string, process: string | undefined, signal?: AbortSignal): Promise<SupplierSummary[]> {
  const { items } = await searchSuppliers({ q: q || undefined, process: process ? [process] : undefined, limit: 10 }, signal);
  return items;
}
