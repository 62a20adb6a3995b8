import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createSession, SessionProvider } from '@/lib/auth';
import { I18nProvider } from '@/lib/i18n';
import { json } from '@/testing/fake-auth-api';
import { installFakeApi, type Call } from '@/testing/fake-registry-api';
import type { InboxItem, Invitation, InvitationMessage, MatchingRequest } from '../api/types';
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
      steps: [
        {
          processCode: 'machining.milling.5axis',
          materialCodes: ['aluminium.a5052'],
          toleranceUm: 10,
          workpieceXMm: 120,
          workpieceYMm: 80,
          workpieceZMm: 30,
          massKg: 0.8,
          requiredCertifications: ['iso_9001'],
        },
        { processCode: 'joining.welding.tig' },
      ],
      quantity: 500,
      lotSize: 50,
      dueDate: '2030-07-31',
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

function message(id: string, author: InvitationMessage['author'], text: string): InvitationMessage {
  return { id, requestId: 'req-1', supplierId: 'site-a', author, text, postedAt: '2030-05-02T03:00:00Z' };
}

const emptyThreads = {
  'GET /api/v1/matching-requests/req-1/invitations/site-a/messages': () => json([]),
  'GET /api/v1/matching-requests/req-2/invitations/site-a/messages': () => json([]),
};

function renderInbox(handlers: Parameters<typeof installFakeApi>[0]) {
  const calls = installFakeApi({ ...emptyThreads, ...handlers });
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
    expect(rows.map((row) => within(row).getByRole('heading', { level: 2 }).textContent)).toEqual(['ブラケット', 'シャフト']);
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

  it('shows every step of the job in words: process, materials, tolerance, size, mass, certifications, with quantity and due date', async () => {
    renderInbox({ 'GET /api/v1/matching-requests/inbox': () => json(items) });

    const row = (await screen.findAllByTestId('inbox-item'))[0]!;
    const steps = within(row).getAllByTestId('summary-step');
    expect(steps).toHaveLength(2);
    await waitFor(() => expect(steps[0]).toHaveTextContent('工程 1: 5軸加工'));
    const fact = (step: HTMLElement, name: string) => step.querySelector(`[data-fact="${name}"] dd`)?.textContent;
    await waitFor(() => expect(fact(steps[0]!, 'materials')).toBe('A5052'));
    expect(fact(steps[0]!, 'tolerance')).toBe('10 µm');
    expect(fact(steps[0]!, 'size')).toBe('120 × 80 × 30 mm');
    expect(fact(steps[0]!, 'mass')).toBe('0.8 kg');
    await waitFor(() => expect(fact(steps[0]!, 'certifications')).toBe('ISO 9001（品質マネジメントシステム）'));
    // What the buyer left open is said to be open, not left blank; codes never show.
    expect(fact(steps[1]!, 'tolerance')).toBe('指定なし');
    expect(row).not.toHaveTextContent('aluminium.a5052');
    expect(within(row).getByTestId('summary-quantity')).toHaveTextContent('500');
    expect(row).toHaveTextContent('2030-07-31');
  });

  it('sends a question as the answer that keeps the invitation open, and shows it on the thread', async () => {
    const user = userEvent.setup();
    const answers: Call[] = [];
    let thread: InvitationMessage[] = [];
    renderInbox({
      'GET /api/v1/matching-requests/inbox': () => json(items),
      'POST /api/v1/matching-requests/req-1/answer': (call) => {
        const body = JSON.parse(call.body) as { question: string };
        thread = [message('m-1', 'supplier', body.question)];
        return answering(answers)(call);
      },
      'GET /api/v1/matching-requests/req-1/invitations/site-a/messages': () => json(thread),
    });

    const row = (await screen.findAllByTestId('inbox-item'))[0]!;
    await user.click(await within(row).findByRole('button', { name: '質問を送る' }));

    // Without text there is nothing to ask: said next to the field, nothing sent.
    expect(within(row).getByLabelText('質問の内容')).toHaveAccessibleDescription('質問の内容を入力してください。');
    expect(answers).toHaveLength(0);

    await user.type(within(row).getByLabelText('質問の内容'), '材料支給は可能ですか？');
    await user.click(within(row).getByRole('button', { name: '質問を送る' }));

    const shown = await within(row).findByTestId('thread-message');
    expect(shown).toHaveTextContent('あなた（豊田 精工）');
    expect(shown).toHaveTextContent('材料支給は可能ですか？');
    expect(JSON.parse(answers[0]!.body)).toEqual({ supplierId: 'site-a', answer: 'question', question: '材料支給は可能ですか？' });
    expect(within(row).getByTestId('invitation-status')).toHaveTextContent('回答待ち');
    // Once asked, the site writes on the thread.
    expect(within(row).getByLabelText('メッセージ')).toHaveValue('');
  });

  it("shows the buyer's answer on the thread and posts the site's next message to it, newest last", async () => {
    const user = userEvent.setup();
    const posts: Call[] = [];
    renderInbox({
      'GET /api/v1/matching-requests/inbox': () => json(items),
      'GET /api/v1/matching-requests/req-1/invitations/site-a/messages': () =>
        json([message('m-1', 'supplier', '材料支給は可能ですか？'), message('m-2', 'buyer', 'はい、A5052 を支給します。')]),
      'POST /api/v1/matching-requests/req-1/invitations/site-a/messages': (call) => {
        posts.push(call);
        return json(message('m-3', 'supplier', (JSON.parse(call.body) as { text: string }).text), 201);
      },
    });

    const row = (await screen.findAllByTestId('inbox-item'))[0]!;
    const messages = await within(row).findAllByTestId('thread-message');
    expect(messages.map((m) => m.getAttribute('data-author'))).toEqual(['supplier', 'buyer']);
    expect(messages[1]).toHaveTextContent('依頼者');
    expect(messages[1]).toHaveTextContent('はい、A5052 を支給します。');

    await user.click(within(row).getByRole('button', { name: '送信する' }));
    expect(within(row).getByLabelText('メッセージ')).toHaveAccessibleDescription('メッセージを入力してください。');
    expect(posts).toHaveLength(0);

    await user.type(within(row).getByLabelText('メッセージ'), '承知しました。');
    await user.click(within(row).getByRole('button', { name: '送信する' }));

    await waitFor(() => expect(within(row).getAllByTestId('thread-message')).toHaveLength(3));
    expect(within(row).getAllByTestId('thread-message')[2]).toHaveTextContent('承知しました。');
    expect(JSON.parse(posts[0]!.body)).toEqual({ text: '承知しました。' });
  });

  it('shows a refused message next to the field', async () => {
    const user = userEvent.setup();
    renderInbox({
      'GET /api/v1/matching-requests/inbox': () => json(items),
      'GET /api/v1/matching-requests/req-1/invitations/site-a/messages': () => json([message('m-1', 'supplier', '質問')]),
      'POST /api/v1/matching-requests/req-1/invitations/site-a/messages': () =>
        json(
          { type: '/problems/validation', status: 400, title: '入力内容に誤りがあります', errors: { text: ['メッセージは 2000 文字以内で入力してください。'] } },
          400,
        ),
    });

    const row = (await screen.findAllByTestId('inbox-item'))[0]!;
    await user.type(await within(row).findByLabelText('メッセージ'), '長い');
    await user.click(within(row).getByRole('button', { name: '送信する' }));

    await waitFor(() =>
      expect(within(row).getByLabelText('メッセージ')).toHaveAccessibleDescription('メッセージは 2000 文字以内で入力してください。'),
    );
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
