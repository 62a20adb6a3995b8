import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '@/lib/i18n';
import { json } from '@/testing/fake-auth-api';
import { installFakeApi, type Call } from '@/testing/fake-registry-api';
import type { MatchingRequest } from '../api/types';
import { RequestList } from './request-list';

function request(id: string, title: string, status: MatchingRequest['status']): MatchingRequest {
  return {
    id,
    status,
    version: 1,
    createdAt: '2030-05-01T03:00:00Z',
    updatedAt: '2030-05-01T03:00:00Z',
    request: {
      title,
      steps: [{ processCode: 'machining.turning' }],
      weights: { quality: 0.4, cost: 0.3, delivery: 0.3 },
      region: { centre: { lat: 35.0826, lon: 137.156 }, radiusKm: 30 },
    },
  };
}

function renderList(handlers: Parameters<typeof installFakeApi>[0]) {
  const calls = installFakeApi(handlers);
  const router = createMemoryRouter(
    [
      { path: '/matching', element: <RequestList /> },
      { path: '/matching/new', element: <h1>new request</h1> },
      { path: '/matching/:id', element: <h1>request page</h1> },
    ],
    { initialEntries: ['/matching'] },
  );
  render(
    <I18nProvider>
      <RouterProvider router={router} />
    </I18nProvider>,
  );
  return { calls, router };
}

const listed = (calls: Call[]) => calls.filter((call) => call.url.pathname === '/api/v1/matching-requests');

describe("the buyer's requests", () => {
  it('list each request with its state, a page at a time, and link to its page', async () => {
    const user = userEvent.setup();
    const { calls, router } = renderList({
      'GET /api/v1/matching-requests': (call) =>
        call.url.searchParams.get('cursor') === 'page-2'
          ? json({ items: [request('req-3', 'フランジ', 'awarded')], nextCursor: null })
          : json({ items: [request('req-1', 'シャフト', 'draft'), request('req-2', 'ブラケット', 'open')], nextCursor: 'page-2' }),
    });

    let rows = await screen.findAllByTestId('matching-request');
    expect(rows.map((row) => within(row).getByRole('link').textContent)).toEqual(['シャフト', 'ブラケット']);
    expect(rows.map((row) => within(row).getByTestId('request-status').textContent)).toEqual(['下書き', '募集中']);

    await user.click(screen.getByRole('button', { name: 'さらに表示' }));

    await within(screen.getByRole('table')).findByText('フランジ');
    rows = screen.getAllByTestId('matching-request');
    expect(rows).toHaveLength(3);
    expect(within(rows[2]!).getByTestId('request-status')).toHaveTextContent('発注先決定');
    expect(screen.queryByRole('button', { name: 'さらに表示' })).not.toBeInTheDocument();
    expect(listed(calls).map((call) => call.url.searchParams.get('cursor'))).toEqual([null, 'page-2']);

    await user.click(within(rows[1]!).getByRole('link', { name: 'ブラケット' }));
    expect(router.state.location.pathname).toBe('/matching/req-2');
  });

  it('say when there is none yet, and offer a new one', async () => {
    const user = userEvent.setup();
    const { router } = renderList({ 'GET /api/v1/matching-requests': () => json({ items: [], nextCursor: null }) });

    expect(await screen.findByTestId('empty-state')).toHaveTextContent('まだ依頼はありません。');
    await user.click(screen.getByRole('link', { name: '新しい依頼' }));
    expect(router.state.location.pathname).toBe('/matching/new');
  });

  it('say when they could not be read, and read them again on retry', async () => {
    const user = userEvent.setup();
    let attempts = 0;
    renderList({
      'GET /api/v1/matching-requests': () => {
        attempts += 1;
        return attempts === 1
          ? json({ status: 500, title: 'Server error', traceId: '00-abc-00' }, 500)
          : json({ items: [request('req-1', 'シャフト', 'cancelled')], nextCursor: null });
      },
    });

    const error = await screen.findByTestId('error-state');
    expect(error).toHaveTextContent('00-abc-00');
    await user.click(within(error).getByRole('button', { name: '再試行' }));
    expect(await screen.findByTestId('matching-request')).toHaveTextContent('取消');
  });
});
