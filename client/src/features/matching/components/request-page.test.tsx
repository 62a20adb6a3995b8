import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createSession, SessionProvider } from '@/lib/auth';
import { I18nProvider } from '@/lib/i18n';
import { json } from '@/testing/fake-auth-api';
import { installFakeApi, type Call } from '@/testing/fake-registry-api';
import type { MatchingRequest } from '../api/types';
import { RequestPage } from './request-page';

function request(overrides: Partial<MatchingRequest> = {}): MatchingRequest {
  return {
    id: 'req-1',
    status: 'draft',
    version: 1,
    createdAt: '2030-05-01T03:00:00Z',
    updatedAt: '2030-05-01T03:00:00Z',
    request: {
      title: 'ブラケット',
      steps: [{ processCode: 'machining.milling.5axis' }],
      weights: { quality: 0.4, cost: 0.3, delivery: 0.3 },
      region: { centre: { lat: 35.0826, lon: 137.156 }, radiusKm: 30 },
    },
    ...overrides,
  };
}

const evaluation = {
  evaluatedAt: '2030-05-01T03:00:00Z',
  steps: [
    {
      step: 0,
      processCode: 'machining.milling.5axis',
      doable: true,
      candidates: [
        { supplierId: 'site-a', nameJa: '豊田 精工', location: { lat: 35.08, lon: 137.15 }, verified: true, distanceKm: 2, score: 0.8, explanation: [] },
      ],
    },
  ],
};

function renderPage(handlers: Parameters<typeof installFakeApi>[0]) {
  const calls = installFakeApi({
    'GET /api/v1/matching-requests/req-1/matches': () => json(evaluation),
    'GET /api/v1/matching-requests/req-1/chains': () => json({ chains: [], evaluatedAt: evaluation.evaluatedAt }),
    ...handlers,
  });
  render(
    <I18nProvider>
      <SessionProvider session={createSession({ lock: (run) => run() })}>
        <RequestPage id="req-1" />
      </SessionProvider>
    </I18nProvider>,
  );
  return calls;
}

describe('a saved matching request', () => {
  it('opens a draft and then offers to invite its candidates', async () => {
    const user = userEvent.setup();
    const calls: Call[] = renderPage({
      'GET /api/v1/matching-requests/req-1': () => json(request()),
      'POST /api/v1/matching-requests/req-1/open': () => json(request({ status: 'open', version: 2 })),
      'GET /api/v1/matching-requests/req-1/invitations': () => json([]),
      'POST /api/v1/matching-requests/req-1/invitations': () =>
        json({ requestId: 'req-1', supplierId: 'site-a', supplierNameJa: '豊田 精工', status: 'invited', introduced: false, invitedAt: '2030-05-01T03:00:00Z' }, 201),
    });

    expect(await screen.findByRole('heading', { level: 1, name: 'ブラケット' })).toBeInTheDocument();
    expect(screen.getByTestId('request-status')).toHaveTextContent('下書き');
    expect(await screen.findByText('豊田 精工')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '招待' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '募集を開始' }));

    expect(await screen.findByText('募集中')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '締め切る' })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: '招待' }));
    const invite = calls.find((call) => call.method === 'POST' && call.url.pathname.endsWith('/invitations'));
    expect(JSON.parse(invite!.body)).toEqual({ supplierId: 'site-a' });
  });

  it("says why a transition was refused, in the API's words", async () => {
    const user = userEvent.setup();
    renderPage({
      'GET /api/v1/matching-requests/req-1': () => json(request()),
      'POST /api/v1/matching-requests/req-1/cancel': () =>
        json({ status: 409, title: 'Conflict', detail: "The request is open; 'cancel' needs it draft or open." }, 409),
    });

    await user.click(await screen.findByRole('button', { name: '取り消す' }));

    const alert = await screen.findByTestId('write-alert');
    expect(alert).toHaveAttribute('data-kind', 'conflict');
    expect(alert).toHaveTextContent("The request is open; 'cancel' needs it draft or open.");
  });

  it('lists the invited sites and lets the buyer shortlist an interested one or award it', async () => {
    renderPage({
      'GET /api/v1/matching-requests/req-1': () => json(request({ status: 'open' })),
      'GET /api/v1/matching-requests/req-1/invitations': () =>
        json([
          { requestId: 'req-1', supplierId: 'site-a', supplierNameJa: '豊田 精工', status: 'interested', introduced: false, invitedAt: '2030-05-01T03:00:00Z' },
          { requestId: 'req-1', supplierId: 'site-b', supplierNameJa: '岡崎 機械', status: 'declined', introduced: false, invitedAt: '2030-05-01T03:00:00Z' },
        ]),
    });

    const rows = await screen.findAllByTestId('invitation');
    expect(within(rows[0]!).getByText('関心あり')).toBeInTheDocument();
    expect(within(rows[0]!).getByRole('button', { name: '候補に選ぶ' })).toBeInTheDocument();
    expect(within(rows[0]!).getByRole('button', { name: '発注先に決定' })).toBeInTheDocument();
    expect(within(rows[1]!).queryByRole('button')).not.toBeInTheDocument();
    expect(await screen.findByText('招待済み')).toBeInTheDocument();
  });
});
