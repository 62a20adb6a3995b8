import { fieldErrors, type FieldErrors } from './field-errors';
import { asProblem, type Problem } from './problem';

/**
 * What a write (POST, PUT, DELETE) came to, for forms to show: the data; validation messages by field; `stale` when the
 * If-Match version was not the current one (412) or missing (428) — the user must reload; `conflict` (409, e.g. a
 * state change that is not allowed now); any other failure; or no answer at all.
 */
export type WriteResult<T> =
  | { kind: 'ok'; data: T }
  | { kind: 'invalid'; errors: FieldErrors; problem: Problem | null }
  | { kind: 'stale'; problem: Problem | null }
  | { kind: 'conflict'; problem: Problem | null }
  | { kind: 'failed'; status: number; problem: Problem | null }
  | { kind: 'unreachable' };

export type WriteFailure = Exclude<WriteResult<unknown>, { kind: 'ok' }>;

/** Sorts an openapi-fetch answer into a WriteResult. `ok` is passed when a 2xx has no body (204). */
export function toWriteResult<T>(answer: { data?: T; error?: unknown; response: Response }, ok?: T): WriteResult<T> {
  const { data, error, response } = answer;
  if (response.ok) {
    return { kind: 'ok', data: (data ?? ok) as T };
  }
  const problem = asProblem(error);
  switch (response.status) {
    case 400:
    case 422: {
      const errors = fieldErrors(problem);
      if (Object.keys(errors).length > 0) {
        return { kind: 'invalid', errors, problem };
      }
      break;
    }
    case 409:
      return { kind: 'conflict', problem };
    case 412:
    case 428:
      return { kind: 'stale', problem };
  }
  return { kind: 'failed', status: response.status, problem };
}

/** Runs a write; a network failure (fetch rejects) becomes `unreachable`. */
export async function write<T>(run: () => Promise<WriteResult<T>>): Promise<WriteResult<T>> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    return { kind: 'unreachable' };
  }
}

/** The If-Match header for a row version (the API's ETag is the version in quotes). */
export function ifMatch(version: number): { 'If-Match': string } {
  return { 'If-Match': `"${version}"` };
}
