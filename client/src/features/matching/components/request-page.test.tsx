import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { createSession, SessionProvider } from '@/lib/auth';
import { I18nProvider } from '@/lib/i18n';
import { json } from '@/testing/fake-auth-api';
import { coordinator, member } from '@/testing/fake-auth-api';
import { installFakeApi, type Call } from '@/testing/fake-registry-api';
import { renderAs } from '@/testing/signed-in';
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
        <MemoryRouter>
          <RequestPage id="req-1" />
        </MemoryRouter>
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
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: '依頼を取り消す' }));

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

  it.each([
    ['the buyer answers', member, true],
    ['a coordinator reads', coordinator, false],
  ] as const)("shows each invited site's thread, opened where it asked, and %s", async (_, user, writes) => {
    const posts: Call[] = [];
    installFakeApi({
      'GET /api/v1/matching-requests/req-1': () => json(request({ status: 'open', buyerAccountId: member.id })),
      'GET /api/v1/matching-requests/req-1/matches': () => json(evaluation),
      'GET /api/v1/matching-requests/req-1/chains': () => json({ chains: [], deliveryPoint: { lat: 35, lon: 137 }, evaluatedAt: evaluation.evaluatedAt }),
      'GET /api/v1/matching-requests/req-1/invitations': () =>
        json([
          { requestId: 'req-1', supplierId: 'site-a', supplierNameJa: '豊田 精工', status: 'invited', question: '材料支給は可能ですか？', introduced: false, invitedAt: '2030-05-01T03:00:00Z' },
          { requestId: 'req-1', supplierId: 'site-b', supplierNameJa: '岡崎 機械', status: 'invited', introduced: false, invitedAt: '2030-05-01T03:00:00Z' },
        ]),
      'GET /api/v1/matching-requests/req-1/invitations/site-a/messages': () =>
        json([{ id: 'm-1', requestId: 'req-1', supplierId: 'site-a', author: 'supplier', text: '材料支給は可能ですか？', postedAt: '2030-05-02T03:00:00Z' }]),
      'GET /api/v1/matching-requests/req-1/invitations/site-b/messages': () => json([]),
      'POST /api/v1/matching-requests/req-1/invitations/site-a/messages': (call) => {
        posts.push(call);
        const { text } = JSON.parse(call.body) as { text: string };
        return json({ id: 'm-2', requestId: 'req-1', supplierId: 'site-a', author: 'buyer', text, postedAt: '2030-05-02T04:00:00Z' }, 201);
      },
    });
    const session = renderAs(user, <RequestPage id="req-1" />);
    const ui = userEvent.setup();

    // The site's name opens its profile; its thread is open because it asked.
    const rows = await screen.findAllByTestId('invitation');
    expect(within(rows[0]!).getByRole('link', { name: '豊田 精工' })).toHaveAttribute('href', '/suppliers/site-a');
    const toggles = screen.getAllByTestId('thread-toggle');
    expect(toggles.map((d) => d.hasAttribute('open'))).toEqual([true, false]);
    const thread = within(toggles[0]!);
    expect(await thread.findByTestId('thread-message')).toHaveTextContent('豊田 精工');

    if (writes) {
      await ui.type(thread.getByLabelText('メッセージ'), 'はい、A5052 を支給します。');
      await ui.click(thread.getByRole('button', { name: '送信する' }));
      await waitFor(() => expect(thread.getAllByTestId('thread-message')).toHaveLength(2));
      expect(thread.getAllByTestId('thread-message')[1]).toHaveTextContent('あなた（依頼者）');
      expect(JSON.parse(posts[0]!.body)).toEqual({ text: 'はい、A5052 を支給します。' });
    } else {
      expect(thread.queryByLabelText('メッセージ')).not.toBeInTheDocument();
    }
    session.dispose();
  });

  it('shows what the request asks for', async () => {
    renderPage({
      'GET /api/v1/matching-requests/req-1': () =>
        json(
          request({
            request: {
              ...request().request,
              quantity: 1200,
              qualityAssurance: ['traceability'],
              region: { centre: { lat: 35.0826, lon: 137.156 }, prefectures: ['23', '21'] },
            },
          }),
        ),
    });

    const summary = await screen.findByTestId('request-summary');
    expect(within(summary).getByTestId('summary-quantity')).toHaveTextContent('1,200');
    expect(summary).toHaveTextContent('トレーサビリティ');
    expect(await within(summary).findByText(/愛知県 \/ 岐阜県/)).toBeInTheDocument();
    expect(within(summary).getAllByTestId('summary-step')[0]).toHaveTextContent('5軸加工');
  });

  it('lets the buyer change a draft: the form is filled from it and saved with If-Match', async () => {
    const user = userEvent.setup();
    const draft = request({
      version: 3,
      request: {
        ...request().request,
        description: '試作',
        quantity: 100,
        region: { centre: { lat: 35.0826, lon: 137.156 }, radiusKm: 25, prefectures: ['23'] },
      },
    });
    const calls = renderPage({
      'GET /api/v1/matching-requests/req-1': () => json(draft),
      'PUT /api/v1/matching-requests/req-1': (call) =>
        json({ ...draft, version: 4, request: JSON.parse(call.body) as MatchingRequest['request'] }),
    });

    await user.click(await screen.findByRole('button', { name: '編集' }));

    const form = screen.getByRole('form', { name: '依頼の内容' });
    expect(within(form).getByLabelText('件名')).toHaveValue('ブラケット');
    expect(within(form).getByLabelText('説明')).toHaveValue('試作');
    expect(within(form).getByLabelText('数量')).toHaveValue('100');
    expect(within(form).getByLabelText('半径')).toHaveValue('25');
    expect(await within(form).findByRole('checkbox', { name: '愛知県' })).toBeChecked();
    expect(within(form).getByRole('checkbox', { name: '岐阜県' })).not.toBeChecked();
    expect(within(screen.getByTestId('picker-step-0-process')).getByText('5軸加工')).toBeInTheDocument();
    expect(screen.getByTestId('weight-quality')).toHaveTextContent('40%');

    await user.clear(within(form).getByLabelText('件名'));
    await user.type(within(form).getByLabelText('件名'), 'ブラケット 改');
    await user.clear(within(form).getByLabelText('数量'));
    await user.type(within(form).getByLabelText('数量'), '250');
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'ブラケット 改' })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: '依頼の内容' })).not.toBeInTheDocument();
    expect(screen.getByTestId('summary-quantity')).toHaveTextContent('250');
    const put = calls.find((call) => call.method === 'PUT');
    expect(put!.headers.get('If-Match')).toBe('"3"');
    expect(JSON.parse(put!.body)).toMatchObject({
      title: 'ブラケット 改',
      description: '試作',
      quantity: 250,
      steps: [{ processCode: 'machining.milling.5axis' }],
      weights: { quality: 0.4, cost: 0.3, delivery: 0.3 },
      region: { centre: { lat: 35.0826, lon: 137.156 }, radiusKm: 25, prefectures: ['23'] },
    });
  });

  it('says when someone else changed the draft meanwhile (412), reloads it and saves the next change against the new version', async () => {
    const user = userEvent.setup();
    let reads = 0;
    const theirs = request({ version: 5, request: { ...request().request, title: 'ブラケット（他の人が変更）' } });
    const calls = renderPage({
      'GET /api/v1/matching-requests/req-1': () => {
        reads += 1;
        return json(reads === 1 ? request({ version: 4 }) : theirs);
      },
      'PUT /api/v1/matching-requests/req-1': (call) =>
        call.headers.get('If-Match') === '"5"'
          ? json({ ...theirs, version: 6, request: JSON.parse(call.body) as MatchingRequest['request'] })
          : json({ type: '/problems/precondition-failed', title: 'Precondition failed', status: 412 }, 412),
    });

    await user.click(await screen.findByRole('button', { name: '編集' }));
    await user.type(screen.getByLabelText('件名'), '（私の変更）');
    await user.click(screen.getByRole('button', { name: '変更を保存' }));

    expect(await screen.findByTestId('form-notice')).toHaveTextContent('他の人がこの依頼を変更しました');
    expect(screen.getByRole('heading', { level: 1, name: 'ブラケット（他の人が変更）' })).toBeInTheDocument();
    expect(screen.getByLabelText('件名')).toHaveValue('ブラケット（他の人が変更）');

    await user.type(screen.getByLabelText('件名'), '＋私の変更');
    await user.click(screen.getByRole('button', { name: '変更を保存' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'ブラケット（他の人が変更）＋私の変更' })).toBeInTheDocument();
    const puts = calls.filter((call) => call.method === 'PUT');
    expect(puts.map((call) => call.headers.get('If-Match'))).toEqual(['"4"', '"5"']);
  });

  it('offers to change a request only while it is a draft', async () => {
    renderPage({
      'GET /api/v1/matching-requests/req-1': () => json(request({ status: 'open' })),
      'GET /api/v1/matching-requests/req-1/invitations': () => json([]),
    });

    expect(await screen.findByRole('button', { name: '締め切る' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '編集' })).not.toBeInTheDocument();
  });

  it('names the site a request was awarded to', async () => {
    renderPage({
      'GET /api/v1/matching-requests/req-1': () => json(request({ status: 'awarded', awardedSupplierId: 'site-a' })),
      'GET /api/v1/matching-requests/req-1/invitations': () =>
        json([
          { requestId: 'req-1', supplierId: 'site-a', supplierNameJa: '豊田 精工', status: 'shortlisted', introduced: false, invitedAt: '2030-05-01T03:00:00Z' },
        ]),
    });

    expect(await screen.findByText('発注先: 豊田 精工')).toHaveAttribute('data-testid', 'awarded-to');
    expect(screen.getByTestId('request-status')).toHaveTextContent('発注先決定');
    expect(screen.queryByRole('button', { name: '発注先に決定' })).not.toBeInTheDocument();
  });

  it('awards only after a dialog naming the site is confirmed', async () => {
    const user = userEvent.setup();
    let awarded = false;
    const calls = renderPage({
      'GET /api/v1/matching-requests/req-1': () =>
        json(awarded ? request({ status: 'awarded', version: 3, awardedSupplierId: 'site-a' }) : request({ status: 'open' })),
      'GET /api/v1/matching-requests/req-1/invitations': () =>
        json([{ requestId: 'req-1', supplierId: 'site-a', supplierNameJa: '豊田 精工', status: 'shortlisted', introduced: false, invitedAt: '2030-05-01T03:00:00Z' }]),
      'POST /api/v1/matching-requests/req-1/award': () => {
        awarded = true;
        return json(request({ status: 'awarded', version: 3, awardedSupplierId: 'site-a' }));
      },
    });
    const awards = () => calls.filter((call) => call.url.pathname.endsWith('/award'));
    const row = (await screen.findAllByTestId('invitation'))[0]!;

    await user.click(within(row).getByRole('button', { name: '発注先に決定' }));
    const dialog = screen.getByRole('dialog', { name: '「豊田 精工」を発注先に決定しますか？' });
    expect(dialog).toHaveTextContent('決定は取り消せません。');
    await user.click(within(dialog).getByRole('button', { name: 'キャンセル' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(awards()).toHaveLength(0);

    await user.click(within(row).getByRole('button', { name: '発注先に決定' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: '発注先に決定する' }));

    await waitFor(() => expect(screen.getByTestId('request-status')).toHaveTextContent('発注先決定'));
    expect(awards()).toHaveLength(1);
    expect(JSON.parse(awards()[0]!.body)).toEqual({ supplierId: 'site-a' });
  });

  it('cancels a request only after the buyer confirms, and not when they keep it', async () => {
    const user = userEvent.setup();
    const calls = renderPage({
      'GET /api/v1/matching-requests/req-1': () => json(request({ status: 'open' })),
      'GET /api/v1/matching-requests/req-1/invitations': () => json([]),
      'POST /api/v1/matching-requests/req-1/cancel': () => json(request({ status: 'cancelled', version: 3 })),
    });
    const cancels = () => calls.filter((call) => call.url.pathname.endsWith('/cancel'));

    await user.click(await screen.findByRole('button', { name: '取り消す' }));
    expect(screen.getByRole('dialog', { name: '依頼「ブラケット」を取り消しますか？' })).toHaveTextContent('この操作は元に戻せません。');
    await user.click(screen.getByRole('button', { name: 'キャンセル' }));
    expect(cancels()).toHaveLength(0);
    expect(screen.getByTestId('request-status')).toHaveTextContent('募集中');

    await user.click(screen.getByRole('button', { name: '取り消す' }));
    await user.click(screen.getByRole('button', { name: '依頼を取り消す' }));

    await waitFor(() => expect(screen.getByTestId('request-status')).toHaveTextContent('取消'));
    expect(cancels()).toHaveLength(1);
  });

  it('shows the not-found page for a request that is not there (or not for the caller)', async () => {
    renderPage({ 'GET /api/v1/matching-requests/req-1': () => json({ status: 404, title: 'Not found', traceId: 't-1' }, 404) });

    expect(await screen.findByRole('heading', { level: 1, name: '依頼が見つかりません' })).toBeInTheDocument();
    expect(screen.queryByText(/問い合わせ番号/)).not.toBeInTheDocument();
  });

  it('lets the buyer award a whole chain, one site per step, and then create orders from the award', async () => {
    let awarded = false;
    const chain = {
      steps: [
        { step: 0, supplierId: 'site-a', nameJa: '豊田 精工', location: { lat: 35.08, lon: 137.15 } },
        { step: 1, supplierId: 'site-b', nameJa: '三河 メッキ', location: { lat: 35.0, lon: 137.2 } },
      ],
      legs: [{ fromStep: 0, toStep: 1, km: 9.5 }],
      totalKm: 9.5,
      firms: 2,
      completeness: 1,
      gaps: [],
    };
    const calls = installFakeApi({
      'GET /api/v1/matching-requests/req-1': () =>
        json(
          awarded
            ? request({ status: 'awarded', buyerAccountId: member.id, awardedSupplierId: 'site-a', awardedChain: ['site-a', 'site-b'] })
            : request({ status: 'open', buyerAccountId: member.id }),
        ),
      'GET /api/v1/matching-requests/req-1/matches': () => json(evaluation),
      'GET /api/v1/matching-requests/req-1/chains': () => json({ chains: [chain], evaluatedAt: evaluation.evaluatedAt }),
      'GET /api/v1/matching-requests/req-1/invitations': () => json([]),
      'POST /api/v1/matching-requests/req-1/award': () => {
        awarded = true;
        return json(request({ status: 'awarded', buyerAccountId: member.id, awardedSupplierId: 'site-a', awardedChain: ['site-a', 'site-b'] }));
      },
    });
    const session = renderAs(member, <RequestPage id="req-1" />);
    const ui = userEvent.setup();

    await ui.click(await screen.findByRole('button', { name: 'このチェーンで発注先を決定' }));
    await ui.click(within(screen.getByRole('dialog')).getByRole('button', { name: '発注先を決定' }));

    expect(await screen.findByTestId('create-orders')).toHaveAttribute('href', '/orders/new?requestId=req-1');
    const award = calls.find((c) => c.method === 'POST' && c.url.pathname.endsWith('/award'))!;
    expect(JSON.parse(award.body)).toEqual({ supplierId: 'site-a', stepSupplierIds: ['site-a', 'site-b'] });
    expect(screen.queryByRole('button', { name: 'このチェーンで発注先を決定' })).not.toBeInTheDocument();
    session.dispose();
  });
});
