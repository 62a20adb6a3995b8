import { ApiError, asProblem } from './problem';

/** What openapi-fetch answers: the body of a 2xx as `data`, otherwise the (problem) body as `error`. */
export interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The data of a read (GET), for loaders that show an ErrorState: any other answer, a 2xx without a body included,
 * rejects with ApiError (the status, and the problem when the body was one). A network failure or an abort rejects
 * with the fetch error as it is. Takes the call's promise, or an answer already awaited (reads asked together).
 */
export async function read<T>(answer: Answer<T> | PromiseLike<Answer<T>>): Promise<T> {
  const { data, error, response } = await answer;
  if (response.ok && data !== undefined && data !== null) {
    return data;
  }
  throw new ApiError(response.status, asProblem(error));
}
