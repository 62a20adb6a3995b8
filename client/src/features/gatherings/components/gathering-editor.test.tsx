import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '@/lib/auth';
import { coordinator, json, problem } from '@/testing/fake-auth-api';
import { installFakeApi } from '@/testing/fake-registry-api';
import { gathering } from '@/testing/gathering-fixtures';
import { renderAs } from '@/testing/signed-in';
import { EditGathering, NewGathering } from './gathering-editor';

let session: Session | null = null;
afterEach(() => session?.dispose());

describe('the gathering form', () => {
  it('creates a draft with its sessions, closing times in Japan time and an Idempotency-Key', async () => {
    const user = userEvent.setup();
    const calls = installFakeApi({
      'GET /api/v1/clusters': () => json({ items: [{ id: 'cluster-1', nameJa: '西三河自動車部品クラスター', nameEn: null }], nextCursor: null }),
      'POST /api/v1/gatherings': () => json(gathering({ status: 'draft' }), 201),
    });
    session = renderAs(coordinator, <NewGathering />);

    const form = screen.getByRole('form', { name: 'イベントの内容' });
    await user.selectOptions(within(form).getByLabelText('種類'), '技術展示会');
    await user.type(within(form).getByLabelText(/^開催日/), '2030-06-12');
    await user.type(within(form).getByLabelText(/^名称（必須）/), '技術展示会 2030 春');
    await user.type(within(form).getByLabelText('会場'), '豊田市産業会館');
    await user.type(within(form).getByLabelText('参加登録の締切'), '2030-06-01T17:00');
    await user.clear(within(form).getByLabelText(/^定員/));
    await user.type(within(form).getByLabelText(/^定員/), '60');
    await user.selectOptions(await within(form).findByLabelText('対象クラスター'), '西三河自動車部品クラスター');
    await user.click(within(form).getByRole('button', { name: 'セッションを追加' }));
    const second = within(form).getAllByTestId('session-row')[1]!;
    await user.type(within(second).getByLabelText(/^名前/), '午後の部');
    await user.clear(within(second).getByLabelText(/^開始時刻/));
    await user.type(within(second).getByLabelText(/^開始時刻/), '15:00');
    await user.click(within(form).getByRole('button', { name: '下書きとして保存' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(post.body)).toEqual({
      kind: 'showcase',
      titleJa: '技術展示会 2030 春',
      titleEn: null,
      description: null,
      venue: '豊田市産業会館',
      venueAddress: null,
      onlineUrl: null,
      heldOn: '2030-06-12',
      registrationClosesAt: '2030-06-01T17:00:00+09:00',
      bookingClosesAt: null,
      capacity: 60,
      clusterId: 'cluster-1',
      organiserAccountIds: null,
      maxRequests: 10,
      maxMeetings: 8,
      maxConsecutive: 4,
      sessions: [
        { label: null, startsAt: '13:00', slotMinutes: 20, slots: 6, tables: 10 },
        { label: '午後の部', startsAt: '15:00', slotMinutes: 20, slots: 6, tables: 10 },
      ],
    });
  });

  it("puts the API's messages beside the session fields they name, and says when someone changed it meanwhile", async () => {
    const user = userEvent.setup();
    let answer = () =>
      problem(400, '/problems/validation', {
        errors: { 'sessions[0].slotMinutes': ['1 枠は 15〜30 分にしてください。'], sessions: ['セッションは時間が重ならないよう、時刻順に並べてください。'] },
      });
    const calls = installFakeApi({
      'GET /api/v1/gatherings/g-1': () => json(gathering()),
      'GET /api/v1/clusters': () => json({ items: [], nextCursor: null }),
      'PUT /api/v1/gatherings/g-1': () => answer(),
    });
    session = renderAs(coordinator, <EditGathering id="g-1" />);

    const form = await screen.findByRole('form', { name: 'イベントの内容' });
    const first = within(form).getAllByTestId('session-row')[0]!;
    await user.clear(within(first).getByLabelText(/^1 枠の時間/));
    await user.type(within(first).getByLabelText(/^1 枠の時間/), '45');
    await user.click(within(form).getByRole('button', { name: '保存' }));

    const slot = within(first).getByLabelText(/^1 枠の時間/);
    await waitFor(() => expect(slot).toHaveAttribute('aria-invalid', 'true'));
    expect(within(first).getByTestId('field-errors')).toHaveTextContent('1 枠は 15〜30 分にしてください。');
    expect(within(form).getByTestId('sessions-editor')).toHaveTextContent('セッションは時間が重ならないよう');
    expect(calls.find((c) => c.method === 'PUT')!.headers.get('If-Match')).toBe('"5"');
    expect(JSON.parse(calls.find((c) => c.method === 'PUT')!.body).sessions[0].slotMinutes).toBe(45);

    answer = () => problem(412, '/problems/precondition-failed');
    await user.click(within(form).getByRole('button', { name: '保存' }));
    expect(await screen.findByTestId('write-alert')).toHaveAttribute('data-kind', 'stale');
  });

  it('refuses to send a count that is not a whole number', async () => {
    const user = userEvent.setup();
    const calls = installFakeApi({ 'GET /api/v1/clusters': () => json({ items: [], nextCursor: null }) });
    session = renderAs(coordinator, <NewGathering />);

    const form = screen.getByRole('form', { name: 'イベントの内容' });
    await user.clear(within(form).getByLabelText(/^定員/));
    await user.type(within(form).getByLabelText(/^定員/), '四十');
    await user.click(within(form).getByRole('button', { name: '下書きとして保存' }));

    expect(await within(form).findByText('0 以上の整数を入力してください。')).toBeInTheDocument();
    expect(within(form).getAllByText('入力してください。')).toHaveLength(2);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });
});
