import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '@/lib/auth';
import { coordinator, json } from '@/testing/fake-auth-api';
import { installFakeApi } from '@/testing/fake-registry-api';
import { buyer, buyerUser, gathering, meeting, participant, supplierA } from '@/testing/gathering-fixtures';
import { renderAs } from '@/testing/signed-in';
import { GatheringPage } from './gathering-page';

let session: Session | null = null;
afterEach(() => session?.dispose());

const supplierC = participant({ id: 'p-sup-c', role: 'supplier', name: '岡崎めっき', supplierId: 'site-c', needProcesses: [], showProcesses: ['machining.milling'], version: 1 });

describe("a gathering's page", () => {
  it("gives a buyer its meetings: accepts a request it received, and asks a supplier from the list", async () => {
    const user = userEvent.setup();
    const received = meeting({ id: 'm-9', requestedBy: 'supplier', status: 'requested', version: 7 });
    const calls = installFakeApi({
      'GET /api/v1/gatherings/g-1': () => json(gathering()),
      'GET /api/v1/gatherings/g-1/participants': () => json([buyer, supplierA, supplierC]),
      'GET /api/v1/gatherings/g-1/meetings': () => json([received]),
      'GET /api/v1/gatherings/g-1/participants/p-buyer/suggestions': () => json([]),
      'POST /api/v1/gatherings/g-1/meetings/m-9/accept': () => json({ ...received, status: 'accepted' }),
      'POST /api/v1/gatherings/g-1/meetings': () => json(meeting({ id: 'm-10', supplierId: 'p-sup-c', supplierName: '岡崎めっき', status: 'requested' }), 201),
    });
    session = renderAs(buyerUser, <GatheringPage id="g-1" />);

    const inbox = await screen.findByTestId('participant-inbox');
    expect(within(inbox).getByRole('heading', { level: 2 })).toHaveTextContent('商談（デモ機械製作所）');
    const asked = within(within(inbox).getByTestId('inbox-received')).getByTestId('meeting-item');
    expect(asked).toHaveTextContent('豊田精工');
    expect(asked).toHaveTextContent('事業所からの申込');
    expect(asked).toHaveTextContent('適合度 82');
    await user.click(within(asked).getByRole('button', { name: '承諾' }));
    await waitFor(() => expect(calls.some((c) => c.url.pathname.endsWith('/m-9/accept'))).toBe(true));
    expect(calls.find((c) => c.url.pathname.endsWith('/m-9/accept'))!.headers.get('If-Match')).toBe('"7"');

    // The suppliers it has no meeting with yet can be asked.
    await user.click(within(screen.getByTestId('participant-inbox')).getByText(/参加する事業所の一覧から申し込む/));
    const others = within(screen.getByTestId('other-side')).getAllByTestId('other-participant');
    expect(others.map((o) => o.textContent)).toEqual([expect.stringContaining('申込済み'), expect.stringContaining('岡崎めっき')]);
    await user.click(within(others[1]!).getByRole('button', { name: '岡崎めっき に商談を申し込む' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.pathname === '/api/v1/gatherings/g-1/meetings')).toBe(true));
    expect(JSON.parse(calls.find((c) => c.method === 'POST' && c.url.pathname === '/api/v1/gatherings/g-1/meetings')!.body)).toEqual({ withParticipantId: 'p-sup-c' });
  });

  it('gives a reader signed out the details and a way to sign in, without the registration calls', async () => {
    const calls = installFakeApi({ 'GET /api/v1/gatherings/g-1': () => json(gathering({ status: 'published' })) });
    session = renderAs(null, <GatheringPage id="g-1" />);

    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('西三河 自動車部品マッチング会');
    expect(screen.getByTestId('gathering-day')).toHaveTextContent('2030年6月12日(水)');
    expect(screen.getByTestId('gathering-sessions')).toHaveTextContent('午前の部 10:00〜11:00（1 枠 20 分 × 3 枠、テーブル 2 卓）');
    expect(screen.getByTestId('gathering-status')).toHaveTextContent('参加受付中');
    expect(screen.getByTestId('sign-in-to-register')).toBeInTheDocument();
    expect(screen.queryByTestId('organiser-panel')).not.toBeInTheDocument();
    expect(calls.map((c) => c.url.pathname)).toEqual(['/api/v1/gatherings/g-1']);
  });

  it('gives its organiser the next step and asks before publishing a draft', async () => {
    const user = userEvent.setup();
    const calls = installFakeApi({
      'GET /api/v1/gatherings/g-1': () => json(gathering({ status: 'draft' })),
      'POST /api/v1/gatherings/g-1/publish': () => json(gathering({ status: 'published', version: 6 })),
    });
    session = renderAs(coordinator, <GatheringPage id="g-1" />);

    const panel = await screen.findByTestId('organiser-panel');
    expect(within(panel).getAllByRole('button').map((b) => b.textContent)).toEqual(['公開', '中止']);
    await user.click(within(panel).getByRole('button', { name: '公開' }));
    await user.click(within(screen.getByTestId('confirm-dialog')).getByRole('button', { name: '公開する' }));
    expect(await screen.findByTestId('gathering-status')).toHaveTextContent('参加受付中');
    expect(calls.find((c) => c.method === 'POST')!.headers.get('If-Match')).toBe('"5"');
    expect(within(screen.getByTestId('organiser-panel')).getAllByRole('button').map((b) => b.textContent)).toEqual(['商談申込を開始', '中止']);
  });
});
