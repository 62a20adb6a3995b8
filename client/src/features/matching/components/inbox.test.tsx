import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createSession, SessionProvider } from '@/lib/auth';
import { I18nProvider } from '@/lib/i18n';
import { json } from '@/testing/fake-auth-api';
import { installFakeApi, type Call } from '@/testing/fake-registry-api';
import type { InboxItem, Invitation, MatchingRequest } from '../api/types';
import { Inbox } from './inbox';

function request(id: string, title: string, status: MatchingRequest['status'] = 'open'): MatchingRequest {
  return {
    id,
    status,
    version: 2,
    createdAt: '2030-05-01T03:00:00Z',
    updatedAt: '2030-05-01T03:00:00Z',
    request: {
      title,
      steps: [{ processCode: 'machining.milling.5axis' }],
      weights: { quality: 0.4, cost: 0.3, delivery: 0.3 },
      region: { centre: { lat: 35.0826, lon: 137.156 }, radiusKm: 30 },
    },
  };
}

function invitation(requestId: string, overrides: Partial<Invitation> = {}): Invitation {
  return {
    requestId,
    supplierId: 'site-a',
    supplierNameJa: '豊田 精工',
    status: 'invited',
    introduced: false,
    invitedAt: '2030-05-01T03:00:00Z',
    ...overrides,
  };
}

const items: InboxItem[] = [
  { request: request('req-1', 'ブラケット'), invitation: invitation('req-1') },
  { request: request('req-2', 'シャフト', 'closed'), invitation: invitation('req-2', { status: 'interested' }) },
];

/** An answer endpoint that does what the API does: interested/declined set the status, a question is kept. */
function answering(answers: Call[]) {
  return (call: Call) => {
    answers.push(call);
    const body = JSON.parse(call.body) as { supplierId: string; answer: string; question?: string | null };
    const requestId = call.url.pathname.split('/')[4]!;
    return json(
      invitation(requestId, {
        supplierId: body.supplierId,
        status: body.answer === 'question' ? 'invited' : (body.answer as Invitation['status']),
        question: body.answer === 'question' ? body.question : null,
        answeredAt: '2030-05-02T03:00:00Z',
      }),
    );
  };
}

function renderInbox(handlers: Parameters<typeof installFakeApi>[0]) {
  const calls = installFakeApi(handlers);
  render(
    <I18nProvider>
      <SessionProvider session={createSession({ lock: (run) => run() })}>
        <Inbox />
      </SessionProvider>
    </I18nProvider>,
  );
  return calls;
}

describe('the supplier inbox', () => {
  it('lists the requests the sites are invited to, with answers only while a request is open', async () => {
    renderInbox({ 'GET /api/v1/matching-requests/inbox': () => json(items) });

    const rows = await screen.findAllByTestId('inbox-item');
    expect(rows.map((row) => within(row).getByRole('heading').textContent)).toEqual(['ブラケット', 'シャフト']);
    expect(within(rows[0]!).getByTestId('invitation-status')).toHaveTextContent('回答待ち');
    expect(within(rows[0]!).getByRole('button', { name: '関心あり' })).toBeInTheDocument();
    expect(within(rows[1]!).getByTestId('request-status')).toHaveTextContent('締切');
    expect(within(rows[1]!).queryByRole('button', { name: '関心あり' })).not.toBeInTheDocument();
  });

  it.each([
    ['関心あり', 'interested', '関心あり'],
    ['辞退する', 'declined', '辞退'],
  ] as const)('"%s" sends that answer for the invited site and updates its row', async (button, answer, shown) => {
    const user = userEvent.setup();
    const answers: Call[] = [];
    const calls = renderInbox({
      'GET /api/v1/matching-requests/inbox': () => json(items),
      'POST /api/v1/matching-requests/req-1/answer': answering(answers),
    });

    const row = (await screen.findAllByTestId('inbox-item'))[0]!;
    await user.click(within(row).getByRole('button', { name: button }));

    expect(await within(row).findByText('回答しました。')).toBeInTheDocument();
    expect(within(row).getByTestId('invitation-status')).toHaveTextContent(shown);
    expect(row).toHaveAttribute('data-status', answer);
    expect(answers).toHaveLength(1);
    expect(JSON.parse(answers[0]!.body)).toEqual({ supplierId: 'site-a', answer, question: null });
    // The row follows the answer; the inbox is not read again.
    expect(calls.filter((call) => call.url.pathname === '/api/v1/matching-requests/inbox')).toHaveLength(1);
    expect(within(screen.getAllByTestId('inbox-item')[1]!).getByTestId('invitation-status')).toHaveTextContent('関心あり');
  });

  it('sends a question with its text, keeps the invitation open and shows the question in the row', async () => {
    const user = userEvent.setup();
    const answers: Call[] = [];
    renderInbox({
      'GET /api/v1/matching-requests/inbox': () => json(items),
      'POST /api/v1/matching-requests/req-1/answer': answering(answers),
    });

    const row = (await screen.findAllByTestId('inbox-item'))[0]!;
    await user.click(within(row).getByRole('button', { name: '質問を送る' }));

    // Without text there is nothing to ask: said next to the field, nothing sent.
    expect(within(row).getByLabelText('質問の内容')).toHaveAccessibleDescription('質問の内容を入力してください。');
    expect(answers).toHaveLength(0);

    await user.type(within(row).getByLabelText('質問の内容'), '材料支給は可能ですか？');
    await user.click(within(row).getByRole('button', { name: '質問を送る' }));

    expect(await within(row).findByText('送った質問: 材料支給は可能ですか？')).toBeInTheDocument();
    expect(JSON.parse(answers[0]!.body)).toEqual({ supplierId: 'site-a', answer: 'question', question: '材料支給は可能ですか？' });
    expect(within(row).getByTestId('invitation-status')).toHaveTextContent('回答待ち');
    expect(within(row).getByLabelText('質問の内容')).toHaveValue('');
  });

  it("shows the API's refusal in the row and leaves its status as it was", async () => {
    const user = userEvent.setup();
    renderInbox({
      'GET /api/v1/matching-requests/inbox': () => json(items),
      'POST /api/v1/matching-requests/req-1/answer': () =>
        json({ status: 409, title: 'Conflict', detail: 'The request is closed; answers are taken while it is open.' }, 409),
    });

    const row = (await screen.findAllByTestId('inbox-item'))[0]!;
    await user.click(within(row).getByRole('button', { name: '関心あり' }));

    expect(await within(row).findByTestId('write-alert')).toHaveTextContent('The request is closed; answers are taken while it is open.');
    expect(within(row).getByTestId('invitation-status')).toHaveTextContent('回答待ち');
  });

  it('says when there is nothing in it, and when it could not be read', async () => {
    const user = userEvent.setup();
    let attempts = 0;
    renderInbox({
      'GET /api/v1/matching-requests/inbox': () => {
        attempts += 1;
        return attempts === 1 ? json({ status: 503, title: 'Unavailable' }, 503) : json([]);
      },
    });

    expect(await screen.findByTestId('error-state')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '再試行' }));
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('招待された依頼はありません。');
  });
});
