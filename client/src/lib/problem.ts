import type { Schemas } from './api-client';

export type Problem = Schemas['Problem'];

/**
 * A non-2xx answer from the API. `problem` is the RFC 9457 body when there was one; whatever answered (a proxy's
 * HTML page, an empty body) leaves it null.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(`the API answered ${status}${problem?.type ? ` (${problem.type})` : ''}`);
    this.name = 'ApiError';
  }
}

/** openapi-fetch hands over the parsed body, or the raw text when it was not JSON: only an object can be a problem. */
export function asProblem(body: unknown): Problem | null {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Problem) : null;
}

/**
 * Seconds to wait from a Retry-After header: delay-seconds (what this API sends) or an HTTP date. Null when the
 * header is missing or unreadable.
 */
export function retryAfterSeconds(response: Response, now: number = Date.now()): number | null {
  const value = response.headers.get('Retry-After')?.trim();
  if (!value) {
    return null;
  }
  if (/^\d+$/.test(value)) {
    return Number(value);
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}
