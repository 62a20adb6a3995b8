import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { createSession, SessionProvider, type Session } from '@/lib/auth';
import { I18nProvider } from '@/lib/i18n';
import { cluster, processTerms } from '@/testing/cluster-fixtures';
import { coordinator, json } from '@/testing/fake-auth-api';
import { installFakeApi } from '@/testing/fake-registry-api';
import { EditCluster, NewCluster } from './cluster-editor';

let session: Session | null = null;
afterEach(() => session?.dispose());

function renderAt(path: string) {
  session = createSession({ lock: (run) => run() });
  session.start({ accessToken: 'a', expiresIn: 900, refreshToken: 'r', refreshTokenExpiresAt: '2099-01-01T00:00:00Z', user: coordinator });
  const router = createMemoryRouter(
    [
      { path: '/clusters/new', element: <NewCluster /> },
      { path: '/clusters/:id/edit', element: <EditCluster id="cluster-1" /> },
      { path: '/clusters/:id', element: <p data-testid="cluster-page">cluster page</p> },
    ],
    { initialEntries: [path] },
  );
  render(
    <I18nProvider>
      <SessionProvider session={session}>
        <RouterProvider router={router} />
      </SessionProvider>
    </I18nProvider>,
  );
  return router;
}

describe('creating and editing a cluster', () => {
  it('edits with If-Match the version it was filled from, and offers to reload when someone changed it meanwhile', async () => {
    const user = userEvent.setup();
    let version = 3;
    const calls = installFakeApi({
      'GET /api/v1/clusters/cluster-1': () => json(cluster({ version })),
      'GET /api/v1/taxonomy/processes': () => json(processTerms),
      'PUT /api/v1/clusters/cluster-1': () => json({ status: 412, title: 'Precondition Failed', type: '/problems/precondition-failed' }, 412),
    });
    renderAt('/clusters/cluster-1/edit');

    const form = await screen.findByRole('form', { name: 'クラスターの内容' });
    expect(within(form).getByLabelText(/名称（日本語）/)).toHaveValue('西三河自動車部品クラスター');
    expect(within(form).getAllByTestId('chosen-step').map((li) => li.getAttribute('data-code'))).toEqual([
      'forging.hot',
      'machining.turning',
      'surface.painting',
    ]);
    await user.click(within(form).getByRole('button', { name: /工程 3（.*）を上へ/ }));
    await user.clear(within(form).getByLabelText(/名称（日本語）/));
    await user.type(within(form).getByLabelText(/名称（日本語）/), '西三河クラスター');
    await user.click(within(form).getByRole('button', { name: '保存' }));

    const alert = await screen.findByTestId('write-alert');
    expect(alert).toHaveAttribute('data-kind', 'stale');
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.headers.get('If-Match')).toBe('"3"');
    const body = JSON.parse(put.body);
    expect(body.nameJa).toBe('西三河クラスター');
    expect(body.valueChain).toEqual(['forging.hot', 'surface.painting', 'machining.turning']);
    // The other coordinators stay: a PUT without them would drop them.
    expect(body.coordinatorAccountIds).toEqual([coordinator.id]);
    expect(body.region).toEqual({ centre: { lat: 35.0826, lon: 137.156 }, radiusKm: 30, prefectures: null });

    version = 4;
    await user.click(within(alert).getByRole('button', { name: '再読み込み' }));
    expect(await screen.findByLabelText(/名称（日本語）/)).toHaveValue('西三河自動車部品クラスター');
    expect(screen.queryByTestId('write-alert')).not.toBeInTheDocument();
  });

  it('creates a draft with an Idempotency-Key, shows the API messages by field, and goes to its page', async () => {
    const user = userEvent.setup();
    let attempt = 0;
    const calls = installFakeApi({
      'POST /api/v1/clusters': () => {
        attempt += 1;
        return attempt === 1
          ? json({ status: 400, title: 'Invalid', errors: { code: ['Lower-case letters, digits and hyphens.'], region: ['Give a radius, prefectures, or both.'] } }, 400)
          : json(cluster({ id: 'cluster-9', status: 'draft' }), 201);
      },
    });
    const router = renderAt('/clusters/new');

    const form = await screen.findByRole('form', { name: 'クラスターの内容' });
    await user.click(within(form).getByRole('button', { name: '下書きとして作成' }));
    // Without a centre nothing is sent.
    expect(await within(form).findAllByText('中心点を入力するか、地図で選んでください。')).toHaveLength(2);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await user.type(within(form).getByLabelText(/^コード/), 'Bad Code');
    await user.type(within(form).getByLabelText(/中心の緯度/), '35.08');
    await user.type(within(form).getByLabelText(/中心の経度/), '137.15');
    await user.click(within(form).getByRole('button', { name: '下書きとして作成' }));
    expect(await within(form).findByText('Lower-case letters, digits and hyphens.')).toBeInTheDocument();
    expect(within(form).getByLabelText(/^コード/)).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByText('Give a radius, prefectures, or both.')).toBeInTheDocument();

    await user.type(within(form).getByLabelText(/^半径/), '25');
    await user.click(within(form).getByRole('button', { name: '下書きとして作成' }));
    expect(await screen.findByTestId('cluster-page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/clusters/cluster-9');
    const [first, second] = calls.filter((c) => c.method === 'POST');
    expect(first!.headers.get('Idempotency-Key')).toBeTruthy();
    expect(second!.headers.get('Idempotency-Key')).not.toBe(first!.headers.get('Idempotency-Key'));
    expect(JSON.parse(second!.body).region).toEqual({ centre: { lat: 35.08, lon: 137.15 }, radiusKm: 25, prefectures: null });
  });
});
