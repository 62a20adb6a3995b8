import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '@/lib/auth';
import { json } from '@/testing/fake-auth-api';
import { installFakeApi } from '@/testing/fake-registry-api';
import { anonymousProfile } from '@/testing/fixtures';
import { buyer, buyerUser, gathering, meeting, supplierA } from '@/testing/gathering-fixtures';
import { renderAs } from '@/testing/signed-in';
import { BriefPage } from './brief-page';
import { GatheringPage } from './gathering-page';

let session: Session | null = null;
afterEach(() => session?.dispose());

const explanation = [
  { criterion: 'tolerance_um', required: '10', offered: '5', met: 'met' as const, weight: 0.3, points: 0.3 },
  { criterion: 'certifications_beyond_required', required: '—', offered: 'iso_9001', met: 'met' as const, weight: 0.1, points: 0.1 },
  { criterion: 'spare_capacity_pct', required: '—', offered: 'not_disclosed', met: 'unmet' as const, weight: 0.2, points: 0 },
];

describe('suggestions to meet', () => {
  it('lists the fitting suppliers best first with score, step and the explanation, and asks one for a meeting', async () => {
    const user = userEvent.setup();
    const calls = installFakeApi({
      'GET /api/v1/gatherings/g-1': () => json(gathering()),
      'GET /api/v1/gatherings/g-1/participants': () => json([buyer, supplierA]),
      'GET /api/v1/gatherings/g-1/meetings': () => json([]),
      'GET /api/v1/gatherings/g-1/participants/p-buyer/suggestions': () =>
        json([
          { participantId: 'p-sup-a', name: '豊田精工', role: 'supplier', supplierId: 'site-a', score: 0.874, processCode: 'machining.milling.5axis', requestId: 'req-1', explanation, stepsFitted: 2 },
        ]),
      'POST /api/v1/gatherings/g-1/meetings': () => json(meeting({ status: 'requested' }), 201),
      'GET /api/v1/taxonomy/certifications': () => json([{ code: 'iso_9001', label: 'ISO 9001（品質マネジメントシステム）', labelJa: 'ISO 9001（品質マネジメントシステム）', labelEn: 'ISO 9001', synonyms: [] }]),
    });
    session = renderAs(buyerUser, <GatheringPage id="g-1" />);

    const item = await screen.findByTestId('suggestion');
    expect(within(item).getByTestId('suggestion-score')).toHaveTextContent('適合度 87');
    expect(await within(item).findByText('最も合う工程: 5軸加工（2 工程に対応）')).toBeInTheDocument();
    expect(within(item).getByRole('link', { name: '豊田精工' })).toHaveAttribute('href', '/suppliers/site-a');
    await user.click(within(item).getByRole('button', { name: '理由を表示' }));
    const table = within(item).getByTestId('explanation');
    expect(within(table).getAllByTestId('outcome').map((cell) => cell.dataset.met)).toEqual(['met', 'met', 'unmet']);
    expect(await within(table).findByText('ISO 9001')).toBeInTheDocument();
    expect(table).not.toHaveTextContent('iso_9001');

    await user.click(within(item).getByRole('button', { name: '豊田精工 に商談を申し込む' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(JSON.parse(calls.find((c) => c.method === 'POST')!.body)).toEqual({ withParticipantId: 'p-sup-a' });
  });
});

describe('outcomes after the gathering', () => {
  it("records the buyer's outcome, linked to one of its requests, naming the meeting's version", async () => {
    const user = userEvent.setup();
    const met = meeting({ met: true, version: 9, place: { session: 0, slot: 0, table: 0 }, startsAt: '2030-06-12T01:00:00Z', endsAt: '2030-06-12T01:20:00Z' });
    const calls = installFakeApi({
      'GET /api/v1/gatherings/g-1': () => json(gathering({ status: 'held' })),
      'GET /api/v1/gatherings/g-1/participants': () => json([buyer, supplierA]),
      'GET /api/v1/gatherings/g-1/meetings': () => json([met]),
      'GET /api/v1/matching-requests': () => json({ items: [{ id: 'req-1', status: 'open', request: { title: 'アルミ筐体 5 軸', steps: [] } }], nextCursor: null }),
      'GET /api/v1/orders': () => json({ items: [], nextCursor: null }),
      'PUT /api/v1/gatherings/g-1/meetings/m-1/outcome': () =>
        json({ ...met, version: 10, buyerOutcome: { outcome: 'quote_requested', requestId: 'req-1', note: '図面を送付', recordedAt: '2030-06-13T00:00:00Z' } }),
    });
    session = renderAs(buyerUser, <GatheringPage id="g-1" />);

    await user.click(await screen.findByRole('button', { name: '商談の結果を記録する' }));
    const form = screen.getByTestId('outcome-form');
    expect(screen.getByTestId('inbox-agreed')).toHaveTextContent('当日、双方の受付を確認しました');
    await user.click(within(form).getByRole('radio', { name: '見積依頼' }));
    await user.selectOptions(await within(form).findByLabelText('関連するマッチング依頼'), 'アルミ筐体 5 軸');
    await user.type(within(form).getByLabelText('メモ'), '図面を送付');
    await user.click(within(form).getByRole('button', { name: '結果を記録' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(JSON.parse(put.body)).toEqual({ outcome: 'quote_requested', requestId: 'req-1', orderId: null, note: '図面を送付' });
    expect(put.headers.get('If-Match')).toBe('"9"');
  });
});

describe('the brief of a meeting', () => {
  it("sets the buyer's steps against the site, with the fit, the explanation, and 非公開 where the site hides a section", async () => {
    installFakeApi({
      'GET /api/v1/gatherings/g-1/meetings/m-1/brief': () =>
        json({
          meeting: meeting({ place: { session: 0, slot: 1, table: 1 }, startsAt: '2030-06-12T01:20:00Z', endsAt: '2030-06-12T01:40:00Z' }),
          gatheringTitle: '西三河 自動車部品マッチング会',
          heldOn: '2030-06-12',
          venue: '豊田市産業会館',
          steps: [
            {
              requestId: 'req-1',
              requestTitle: 'アルミ筐体',
              step: 0,
              need: { processCode: 'machining.milling.5axis', materialCodes: ['aluminium.a5052'], toleranceUm: 10, requiredCertifications: ['iso_9001'] },
              lotSize: 50,
              dueDate: '2030-08-31',
              qualityAssurance: ['inspection_report'],
              fits: true,
              score: 0.874,
              explanation,
            },
            { requestId: null, requestTitle: null, step: 0, need: { processCode: 'joining.welding.tig' }, qualityAssurance: [], fits: false, score: null, explanation: [] },
          ],
          supplier: anonymousProfile({ nameJa: '豊田精工' }),
        }),
    });
    session = renderAs(buyerUser, <BriefPage id="g-1" meetingId="m-1" />);

    const brief = await screen.findByTestId('brief');
    expect(within(brief).getByRole('heading', { level: 1 })).toHaveTextContent('商談シート: デモ機械製作所 × 豊田精工');
    expect(within(brief).getByTestId('brief-when')).toHaveTextContent('2030年6月12日(水) 10:20–10:40 · テーブル 2 · 豊田市産業会館');
    const [first, second] = within(brief).getAllByTestId('brief-step');
    expect(await within(first!).findByText(/アルミ筐体 工程 1: 5軸加工/)).toBeInTheDocument();
    expect(within(first!).getByTestId('brief-fit')).toHaveTextContent('✓ 対応可 · 適合度 87');
    expect(first).toHaveTextContent('A5052');
    expect(first).toHaveTextContent('検査成績書');
    expect(first).toHaveTextContent('2030-08-31');
    expect(within(first!).getByTestId('explanation')).toBeInTheDocument();
    expect(within(second!).getByTestId('brief-fit')).toHaveTextContent('✗ 条件外');
    expect(within(brief).getByTestId('brief-capacity')).toHaveTextContent('非公開: 会員のみ');
    expect(within(brief).getByTestId('brief-certifications')).toHaveTextContent('ISO 9001（2028-06-07 まで）');
  });
});
