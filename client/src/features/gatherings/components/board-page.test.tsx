import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '@/lib/auth';
import { coordinator, json, problem } from '@/testing/fake-auth-api';
import { installFakeApi } from '@/testing/fake-registry-api';
import { buyer, gathering, meeting, supplierA, supplierB } from '@/testing/gathering-fixtures';
import { renderAs } from '@/testing/signed-in';
import { BoardPage } from './board-page';

let session: Session | null = null;
afterEach(() => session?.dispose());

const agreed = meeting({ id: 'm-1' });
const other = meeting({ id: 'm-2', buyerName: 'デモ機械製作所', supplierId: 'p-sup-c', supplierName: '岡崎めっき', version: 2 });

describe("the organisers' board", () => {
  it('runs the schedule after asking, names the version, shows the result and the meetings in the timetable', async () => {
    const user = userEvent.setup();
    let placed = false;
    const calls = installFakeApi({
      'GET /api/v1/gatherings/g-1': () => json(gathering({ status: placed ? 'scheduled' : 'booking_open', version: placed ? 6 : 5 })),
      'GET /api/v1/gatherings/g-1/participants': () => json([buyer, supplierA, supplierB]),
      'GET /api/v1/gatherings/g-1/meetings': () =>
        json(placed ? [{ ...agreed, place: { session: 1, slot: 1, table: 2 }, startsAt: '2030-06-12T05:00:00Z', endsAt: '2030-06-12T05:30:00Z' }, other] : [agreed, other]),
      'POST /api/v1/gatherings/g-1/schedule': () => {
        placed = true;
        return json({ accepted: 2, placed: 1, upperBound: 2, unplaced: ['m-2'], pinnedConflicts: [], idleGaps: 0 });
      },
    });
    session = renderAs(coordinator, <BoardPage id="g-1" />);

    await user.click(await screen.findByRole('button', { name: 'スケジュール作成' }));
    const dialog = screen.getByTestId('confirm-dialog');
    expect(dialog).toHaveTextContent('「西三河 自動車部品マッチング会」のスケジュールを作成しますか？');
    await user.click(within(dialog).getByRole('button', { name: '作成する' }));

    const result = await screen.findByTestId('schedule-result');
    expect(within(result).getByTestId('schedule-placed')).toHaveTextContent('1');
    expect(within(result).getByTestId('schedule-bound')).toHaveTextContent('2');
    expect(result).toHaveTextContent('上限まであと 1 件です');
    expect(await within(result).findByText('デモ機械製作所 × 岡崎めっき')).toBeInTheDocument();
    expect(calls.find((c) => c.url.pathname.endsWith('/schedule'))!.headers.get('If-Match')).toBe('"5"');

    // The placed meeting sits in the afternoon session, second slot (14:00), table 3.
    await waitFor(() => expect(screen.getAllByTestId('timetable-session')[1]).toHaveTextContent('豊田精工'));
    const afternoon = screen.getAllByTestId('timetable-session')[1]!;
    const row = within(afternoon).getByRole('row', { name: /14:00–14:30/ });
    expect(within(row).getAllByTestId('timetable-cell').map((cell) => cell.textContent)).toEqual(['', '', 'デモ機械製作所豊田精工']);
  });

  it('approves a registration and refuses another with the reason, each naming its version', async () => {
    const user = userEvent.setup();
    const calls = installFakeApi({
      'GET /api/v1/gatherings/g-1': () => json(gathering({ status: 'published' })),
      'GET /api/v1/gatherings/g-1/participants': () => json([buyer, supplierA, supplierB]),
      'GET /api/v1/gatherings/g-1/meetings': () => json([]),
      'POST /api/v1/gatherings/g-1/participants/p-sup-b/approve': () => json({ ...supplierB, status: 'approved' }),
      'POST /api/v1/gatherings/g-1/participants/p-sup-a/refuse': () => json({ ...supplierA, status: 'refused' }),
    });
    session = renderAs(coordinator, <BoardPage id="g-1" />);

    const rows = await screen.findAllByTestId('registration-row');
    // Waiting ones first.
    expect(rows[0]).toHaveAttribute('data-name', '三河溶接');
    await user.click(within(rows[0]!).getByRole('button', { name: '承認' }));
    await waitFor(() => expect(calls.some((c) => c.url.pathname.endsWith('/p-sup-b/approve'))).toBe(true));
    expect(calls.find((c) => c.url.pathname.endsWith('/p-sup-b/approve'))!.headers.get('If-Match')).toBe('"1"');

    const toyota = (await screen.findAllByTestId('registration-row')).find((r) => r.dataset.name === '豊田精工')!;
    await user.click(within(toyota).getByRole('button', { name: '不承認' }));
    await user.type(within(toyota).getByLabelText(/不承認の理由/), '対象の業種ではないため');
    await user.click(within(within(toyota).getByTestId('refuse-form')).getByRole('button', { name: '不承認' }));
    await waitFor(() => expect(calls.some((c) => c.url.pathname.endsWith('/p-sup-a/refuse'))).toBe(true));
    const refusal = calls.find((c) => c.url.pathname.endsWith('/p-sup-a/refuse'))!;
    expect(JSON.parse(refusal.body)).toEqual({ reason: '対象の業種ではないため' });
    expect(refusal.headers.get('If-Match')).toBe('"3"');
  });

  it('pins an agreed meeting at a free cell of the timetable, and says why a taken table was refused', async () => {
    const user = userEvent.setup();
    let answer = () => problem(409, '/problems/conflict', { detail: 'その時間枠のそのテーブルには別の商談があります。先にそちらを移してください。' });
    const calls = installFakeApi({
      'GET /api/v1/gatherings/g-1': () => json(gathering({ status: 'scheduled' })),
      'GET /api/v1/gatherings/g-1/participants': () => json([buyer, supplierA]),
      'GET /api/v1/gatherings/g-1/meetings': () => json([agreed]),
      'PUT /api/v1/gatherings/g-1/meetings/m-1/placement': () => answer(),
    });
    session = renderAs(coordinator, <BoardPage id="g-1" />);

    const unplaced = await screen.findByTestId('grid-unplaced');
    await user.click(within(unplaced).getByRole('button', { name: 'デモ機械製作所 × 豊田精工' }));
    await user.click(screen.getByRole('button', { name: 'ここへ（10:20 テーブル 2 に デモ機械製作所 × 豊田精工 を固定）' }));
    expect(await screen.findByTestId('write-alert')).toHaveTextContent('その時間枠のそのテーブルには別の商談があります。');

    answer = () => json({ ...agreed, pinned: true, place: { session: 0, slot: 1, table: 1 } });
    await user.click(screen.getByRole('button', { name: 'ここへ（10:20 テーブル 2 に デモ機械製作所 × 豊田精工 を固定）' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2));
    const put = calls.filter((c) => c.method === 'PUT')[1]!;
    expect(JSON.parse(put.body)).toEqual({ place: { session: 0, slot: 1, table: 1 } });
    expect(put.headers.get('If-Match')).toBe('"4"');
  });

  it('checks a participant in on the day, and marks another a no-show after asking', async () => {
    const user = userEvent.setup();
    const calls = installFakeApi({
      'GET /api/v1/gatherings/g-1': () => json(gathering({ status: 'held' })),
      'GET /api/v1/gatherings/g-1/participants': () => json([buyer, supplierA]),
      'GET /api/v1/gatherings/g-1/meetings': () => json([]),
      'POST /api/v1/gatherings/g-1/participants/p-buyer/check-in': () => json({ ...buyer, checkedInAt: '2030-06-12T00:55:00Z' }),
      'POST /api/v1/gatherings/g-1/participants/p-sup-a/no-show': () => json({ ...supplierA, noShowAt: '2030-06-12T01:30:00Z' }),
    });
    session = renderAs(coordinator, <BoardPage id="g-1" />);

    const panel = await screen.findByTestId('check-in-panel');
    const rows = within(panel).getAllByTestId('check-in-row');
    await user.click(within(rows.find((r) => r.dataset.name === 'デモ機械製作所')!).getByRole('button', { name: '受付' }));
    await waitFor(() => expect(calls.some((c) => c.url.pathname.endsWith('/p-buyer/check-in'))).toBe(true));
    expect(calls.find((c) => c.url.pathname.endsWith('/p-buyer/check-in'))!.headers.get('If-Match')).toBe('"2"');

    await user.click(within(rows.find((r) => r.dataset.name === '豊田精工')!).getByRole('button', { name: '欠席' }));
    const dialog = screen.getByTestId('confirm-dialog');
    expect(dialog).toHaveTextContent('豊田精工 を欠席にしますか？');
    await user.click(within(dialog).getByRole('button', { name: '欠席' }));
    await waitFor(() => expect(calls.some((c) => c.url.pathname.endsWith('/p-sup-a/no-show'))).toBe(true));
    expect(calls.find((c) => c.url.pathname.endsWith('/p-sup-a/no-show'))!.headers.get('If-Match')).toBe('"3"');
  });
});
