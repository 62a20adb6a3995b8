import { apiClient, type Schemas } from '@/lib/api-client';
import { asProblem, retryAfterSeconds, type Problem } from '@/lib/problem';

export type LoginRequest = Schemas['LoginRequest'];
export type TokenPair = Schemas['TokenPair'];

export type LoginResult =
  | { kind: 'signed-in'; pair: TokenPair }
  /** Unknown email and wrong password get the same answer. */
  | { kind: 'invalid-credentials' }
  /** Too many failures for this account or address; `retryAfterSeconds` from the Retry-After header. */
  | { kind: 'throttled'; retryAfterSeconds: number | null }
  /** Validation: the API's messages per field (`email`, `password`, or others such as `body`). */
  | { kind: 'invalid'; fieldErrors: Record<string, string[]> }
  | { kind: 'failed'; status: number; problem: Problem | null };

/** POST /api/v1/auth/login (operation login). A network failure rejects with the fetch error. */
export async function login(body: LoginRequest): Promise<LoginResult> {
  const { data, error, response } = await apiClient.POST('/api/v1/auth/login', { body });
  if (data) {
    return { kind: 'signed-in', pair: data };
  }
  const problem = asProblem(error);
  switch (response.status) {
    case 401:
      return { kind: 'invalid-credentials' };
    case 429:
      return { kind: 'throttled', retryAfterSeconds: retryAfterSeconds(response) };
    case 400:
    case 422:
      if (problem?.errors && Object.keys(problem.errors).length > 0) {
        return { kind: 'invalid', fieldErrors: problem.errors };
      }
      break;
  }
  return { kind: 'failed', status: response.status, problem };
}
