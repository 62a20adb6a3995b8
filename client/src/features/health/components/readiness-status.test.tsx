import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/lib/i18n';
import { ReadinessStatus } from './readiness-status';

function json(body: unknown, status: number, contentType = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

const ready = () =>
  json(
    {
      status: 'ready',
      checks: [
        { name: 'database', status: 'ok' },
        { name: 'migrations', status: 'ok' },
      ],
    },
    200,
  );

const notReady = () =>
  json(
    {
      type: 'https://httpstatuses.io/503',
      title: 'Service not ready',
      status: 503,
      detail: 'Migrations are still being applied.',
      checks: [
        { name: 'database', status: 'ok', detail: null },
        { name: 'migrations', status: 'failing', detail: '2 pending' },
      ],
    },
    503,
    'application/problem+json',
  );

function stubFetch(...answers: Array<() => Response | Promise<Response>>) {
  const fetch = vi.fn<(request: Request) => Promise<Response>>();
  for (const answer of answers) {
    fetch.mockImplementationOnce(async () => answer());
  }
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function renderStatus() {
  render(
    <I18nProvider>
      <ReadinessStatus />
    </I18nProvider>,
  );
  return screen.getByTestId('readiness-status');
}

async function settle(status: HTMLElement, state: string) {
  await vi.waitFor(() => expect(status).toHaveAttribute('data-state', state));
}

describe('ReadinessStatus', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows loading until /readyz answers', () => {
    const fetch = stubFetch(() => new Promise<Response>(() => {}));

    const status = renderStatus();

    expect(status).toHaveAttribute('data-state', 'loading');
    expect(status).toHaveTextContent('状態を確認しています');
    const request = fetch.mock.calls[0]?.[0];
    expect(request?.method).toBe('GET');
    expect(new URL(request?.url ?? '').pathname).toBe('/readyz');
  });

  it('shows ready when /readyz answers 200', async () => {
    stubFetch(ready);

    const status = renderStatus();

    await settle(status, 'ready');
    expect(status).toHaveTextContent('稼働中');
  });

  it('shows the problem detail and only the failing checks when /readyz answers 503', async () => {
    stubFetch(notReady);

    const status = renderStatus();

    await settle(status, 'not-ready');
    expect(status).toHaveTextContent('Migrations are still being applied.');
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent('データベースのマイグレーション');
    expect(items[0]).toHaveTextContent('2 pending');
  });

  it('shows an error when the network fails', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));

    const status = renderStatus();

    await settle(status, 'error');
    expect(status).toHaveTextContent('接続できません');
  });

  it('shows an error when something other than the API answers', async () => {
    stubFetch(() => new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }));

    const status = renderStatus();

    await settle(status, 'error');
  });

  it('polls every 5 seconds and follows the latest answer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const fetch = stubFetch(ready, notReady, ready);
    // Lets pending answers arrive without moving the clock.
    const flush = () => act(() => vi.advanceTimersByTimeAsync(0));

    const status = renderStatus();
    await flush();
    expect(status).toHaveAttribute('data-state', 'ready');
    expect(fetch).toHaveBeenCalledTimes(1);

    await act(() => vi.advanceTimersByTimeAsync(4_999));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(status).toHaveAttribute('data-state', 'ready');

    await act(() => vi.advanceTimersByTimeAsync(1));
    await flush();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(status).toHaveAttribute('data-state', 'not-ready');

    await act(() => vi.advanceTimersByTimeAsync(5_000));
    await flush();
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(status).toHaveAttribute('data-state', 'ready');
  });
});
