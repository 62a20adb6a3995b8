import { describe, expect, it, vi } from 'vitest';
import { apiClient } from '@/lib/api-client';
import { json, problem } from '@/testing/fake-auth-api';
import { installFakeApi } from '@/testing/fake-registry-api';
import { ApiError } from './problem';
import { read } from './read-result';

const path = '/api/v1/clusters/{id}';
const get = (signal?: AbortSignal) => apiClient.GET(path, { params: { path: { id: 'c-1' } }, signal });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('read', () => {
  it('answers the data of a 2xx', async () => {
    installFakeApi({ 'GET /api/v1/clusters/c-1': () => json({ id: 'c-1', code: 'nishi-mikawa' }) });

    await expect(read(get())).resolves.toEqual({ id: 'c-1', code: 'nishi-mikawa' });
  });

  it('takes an answer already awaited, as reads asked together are', async () => {
    installFakeApi({ 'GET /api/v1/clusters/c-1': () => json({ id: 'c-1' }) });
    const [answer] = await Promise.all([get()]);

    await expect(read(answer)).resolves.toEqual({ id: 'c-1' });
  });

  it('rejects a 404 with ApiError carrying the problem', async () => {
    installFakeApi({ 'GET /api/v1/clusters/c-1': () => problem(404, '/problems/not-found') });

    const error = await rejection(read(get()));

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).problem).toMatchObject({ type: '/problems/not-found', status: 404, traceId: '00-trace-00' });
  });

  it('rejects a problem+json refusal with its status and the messages by field', async () => {
    installFakeApi({
      'GET /api/v1/clusters/c-1': () => problem(400, '/problems/validation', { errors: { sector: ['unknown sector'] } }),
    });

    const error = await rejection(read(get()));

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).problem?.errors).toEqual({ sector: ['unknown sector'] });
  });

  it('rejects an answer that is not a problem (a proxy page) with ApiError and no problem', async () => {
    installFakeApi({
      'GET /api/v1/clusters/c-1': () => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
    });

    const error = await rejection(read(get()));

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(502);
    expect((error as ApiError).problem).toBeNull();
  });

  it('rejects a 2xx without a body, which has no data to give', async () => {
    installFakeApi({ 'GET /api/v1/clusters/c-1': () => new Response(null, { status: 204 }) });

    const error = await rejection(read(get()));

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(204);
  });

  it('passes a network failure on as the fetch error, not as an answer', async () => {
    const failure = new TypeError('Failed to fetch');
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(failure));

    const error = await rejection(read(get()));

    expect(error).toBe(failure);
    expect(error).not.toBeInstanceOf(ApiError);
  });

  it('passes an abort on as the AbortError', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn((request: Request) => Promise.reject(request.signal.aborted ? new DOMException('aborted', 'AbortError') : new Error('not aborted'))),
    );
    const controller = new AbortController();
    controller.abort();

    const error = await rejection(read(get(controller.signal)));

    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
  });
});
