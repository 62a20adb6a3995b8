import { apiClient, type Schemas } from '@/lib/api-client';

export type ReadinessCheck = Schemas['ReadinessCheck'];

export type Readiness =
  | { kind: 'ready'; checks: ReadinessCheck[] }
  | { kind: 'not-ready'; detail: string | null; checks: ReadinessCheck[] };

/** An answer from /readyz that is neither a readiness report nor its 503 problem (e.g. a proxy's 502 page). */
export class UnexpectedReadinessResponse extends Error {
  constructor(readonly status: number) {
    super(`GET /readyz answered ${status}`);
    this.name = 'UnexpectedReadinessResponse';
  }
}

/** GET /readyz (operation getReadiness). A network failure rejects with the fetch error. */
export async function getReadiness(signal?: AbortSignal): Promise<Readiness> {
  const { data, error, response } = await apiClient.GET('/readyz', { signal });
  if (data) {
    return data.status === 'ready'
      ? { kind: 'ready', checks: data.checks }
      : { kind: 'not-ready', detail: null, checks: data.checks };
  }
  // openapi-fetch hands over the raw text when a body is not JSON, whatever the contract says.
  if (response.status === 503 && typeof error === 'object' && error !== null) {
    return { kind: 'not-ready', detail: error.detail ?? error.title ?? null, checks: problemChecks(error) };
  }
  throw new UnexpectedReadinessResponse(response.status);
}

// The 503 problem carries the checks as an extension member. Whatever the contract says about it, the body
// comes from whatever answered, so each entry is verified before it is shown.
function problemChecks(problem: object): ReadinessCheck[] {
  const checks: unknown = 'checks' in problem ? problem.checks : undefined;
  return Array.isArray(checks) ? checks.filter(isReadinessCheck) : [];
}

function isReadinessCheck(value: unknown): value is ReadinessCheck {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { name, status, detail } = value as Record<string, unknown>;
  return (
    typeof name === 'string' &&
    (status === 'ok' || status === 'failing') &&
    (detail === undefined || detail === null || typeof detail === 'string')
  );
}
