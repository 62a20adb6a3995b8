import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '@/lib/auth';
import { json } from '@/testing/fake-auth-api';
import { installFakeApi } from '@/testing/fake-registry-api';
import { buyer, buyerUser, meeting } from '@/testing/gathering-fixtures';
import { renderAs } from '@/testing/signed-in';
import { AgendaPage } from './agenda-page';

let session: Session | null = null;
afterEach(() => {
  session?.dispose();
  vi.restoreAllMocks();
});

// The API answers in time order; the page sorts again and shows Japan time (UTC+9) and tables from 1.
const agenda = {
  participant: buyer,
  gatheringTitle: '西三河 自動車部品マッチング会',
  heldOn: '2030-06-12',
  venue: '豊田市産業会館',
  venueAddress: '愛知県豊田市デモ町1-1',
  meetings: [
    meeting({ id: 'm-2', supplierId: 'p-sup-b', supplierName: '三河溶接', place: { session: 1, slot: 0, table: 0 }, startsAt: '2030-06-12T04:30:00Z', endsAt: '2030-06-12T05:00:00Z' }),
    meeting({ id: 'm-1', place: { session: 0, slot: 1, table: 1 }, startsAt: '2030-06-12T01:20:00Z', endsAt: '2030-06-12T01:40:00Z', note: '図面を持参' }),
    meeting({ id: 'm-3', supplierName: '岡崎めっき' }),
  ],
};

describe("a participant's agenda", () => {
  it('lists the meetings by time with the table and the other side, and counts those not yet placed', async () => {
    installFakeApi({ 'GET /api/v1/gatherings/g-1/agenda': () => json(agenda) });
    session = renderAs(buyerUser, <AgendaPage id="g-1" />);

    const rows = await screen.findAllByTestId('agenda-row');
    expect(rows.map((row) => [within(row).getByTestId('agenda-time').textContent, within(row).getByTestId('agenda-table-no').textContent, within(row).getByTestId('agenda-with').textContent])).toEqual([
      ['10:20–10:40', 'テーブル 2', '豊田精工図面を持参'],
      ['13:30–14:00', 'テーブル 1', '三河溶接'],
    ]);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('当日の予定（デモ機械製作所）');
    expect(screen.getByTestId('agenda-sheet')).toHaveTextContent('2030年6月12日(水) · 豊田市産業会館');
    expect(screen.getByTestId('agenda-unplaced')).toHaveTextContent('ほかに 1 件の商談');
  });

  it('downloads the .ics through the API client (which carries the sign-in) and saves it as a file', async () => {
    const user = userEvent.setup();
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
    const calls = installFakeApi({
      'GET /api/v1/gatherings/g-1/agenda': () => json(agenda),
      'GET /api/v1/gatherings/g-1/agenda.ics': () => new Response(ics, { headers: { 'Content-Type': 'text/calendar' } }),
    });
    const saved: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved.push(blob as Blob);
      return 'blob:agenda';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    session = renderAs(buyerUser, <AgendaPage id="g-1" participantId="p-buyer" />);

    await user.click(await screen.findByTestId('agenda-ics'));
    await waitFor(() => expect(clicked).toEqual(['agenda-2030-06-12.ics']));
    expect(await saved[0]!.text()).toBe(ics);
    const call = calls.find((c) => c.url.pathname.endsWith('/agenda.ics'))!;
    expect(call.url.searchParams.get('participantId')).toBe('p-buyer');
  });
});
