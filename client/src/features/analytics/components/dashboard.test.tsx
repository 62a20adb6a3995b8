import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '@/lib/auth';
import { coordinator, json } from '@/testing/fake-auth-api';
import { clearPlaceCache } from '@/lib/places';
import { installFakeApi } from '@/testing/fake-registry-api';
import { renderAs, taxonomyTerms } from '@/testing/signed-in';
import type { DemandGaps, OrderIndicators, RegionCoverage } from '../api/types';
import { Dashboard } from './dashboard';

let session: Session | null = null;
afterEach(() => {
  session?.dispose();
  vi.restoreAllMocks();
});

const row = (processCode: string, sites: number, byMunicipality: { municipalityCode: string | null; sites: number }[] = []) => ({
  processCode,
  sites,
  verified: Math.floor(sites / 2),
  acceptingContractWork: sites,
  withSpareCapacity: Math.floor(sites / 3),
  spareCapacityAvgPct: sites > 0 ? 20 : null,
  byMunicipality,
});

const coverage: RegionCoverage = {
  families: [
    row('machining', 12, [
      { municipalityCode: '232114', sites: 8 },
      { municipalityCode: '232025', sites: 4 },
    ]),
    row('surface', 3, [{ municipalityCode: '232114', sites: 3 }]),
    row('additive', 0),
  ],
  gaps: ['additive'],
  indicators: {
    publishedSites: 20,
    certificationsKnown: 16,
    withCertifications: 8,
    certifications: [{ code: 'iso_9001', sites: 7 }],
    edi: 5,
    onlineOrdering: 8,
    faxOnly: 4,
    capacityKnown: 10,
    contractWorkOpen: 6,
    contractWorkLimited: 3,
    contractWorkClosed: 1,
    staffKnown: 12,
    qualifiedStaff: [{ qualificationCode: 'welding.jis_z3801', headcount: 14, sites: 5 }],
  },
  computedAt: '2030-05-01T03:00:00Z',
};

const demand: DemandGaps = {
  requests: 3,
  processes: [{ key: 'surface', asked: 2, unserved: 2, thin: 0 }],
  certifications: [],
  envelopes: [{ key: 'unspecified', asked: 2, unserved: 2, thin: 0 }],
  municipalities: [{ key: '232114', asked: 2, unserved: 2, thin: 0 }],
  months: [{ key: '2030-04', asked: 2, unserved: 2, thin: 0 }],
};

const orders: OrderIndicators = {
  from: '2029-05-01',
  to: '2030-05-02',
  total: {
    suppressed: false,
    firms: 7,
    orders: 15,
    value: 1842500,
    shippedLegs: 5,
    onTimeRate: 0.8,
    meanLeadDays: 14.4,
    meanRouteDistanceKm: 12.6,
    firmsByAccount: 3,
    firmsByLink: 3,
    firmsUnanswered: 1,
  },
  cells: [
    { sector: '24', municipalityCode: '232114', suppressed: true },
    {
      sector: '26',
      municipalityCode: '232025',
      suppressed: false,
      firms: 4,
      orders: 9,
      value: 990000,
      shippedLegs: 3,
      onTimeRate: 2 / 3,
      meanLeadDays: 10,
      meanRouteDistanceKm: 8.5,
      firmsByAccount: 2,
      firmsByLink: 1,
      firmsUnanswered: 1,
    },
  ],
  sites: [],
  computedAt: '2030-05-01T03:00:00Z',
};

function api(extra: Parameters<typeof installFakeApi>[0] = {}) {
  return installFakeApi({
    ...extra,
    'GET /api/v1/analytics/coverage': () => json(coverage),
    'GET /api/v1/analytics/demand': () => json(demand),
    'GET /api/v1/analytics/orders': () => json(orders),
    'GET /api/v1/taxonomy/processes': () =>
      json(taxonomyTerms([
        { code: 'machining', label: '機械加工' },
        { code: 'surface', label: '表面処理' },
        { code: 'additive', label: '積層造形' },
      ])),
  });
}

describe('the region dashboard', () => {
  it('shows coverage by process family with the gap named and highlighted, and by municipality', async () => {
    api();
    session = renderAs(null, <Dashboard />);

    const gaps = await screen.findByTestId('region-gaps');
    expect(await within(gaps).findByText('積層造形')).toBeInTheDocument();
    expect(gaps).toHaveTextContent('地域内に事業所がない工程分類（空白）: 1 件');
    const chart = screen.getByTestId('families-chart');
    expect(within(chart).getAllByTestId('bar-category').map((g) => [g.getAttribute('data-key'), g.getAttribute('data-gap')])).toEqual([
      ['machining', null],
      ['surface', null],
      ['additive', 'true'],
    ]);
    const matrix = within(screen.getByTestId('municipality-table')).getAllByRole('row').slice(1);
    // Municipalities × the families present (the gap has no column): how many families, then sites per family.
    expect(matrix.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['2', '8', '3'],
      ['1', '4', '0'],
    ]);
    expect(matrix.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['232114', '232025']);
    // Visitors do not get the demand side (coordinators only).
    expect(screen.queryByTestId('demand-gaps')).not.toBeInTheDocument();
    expect(screen.getByTestId('certification-share')).toHaveTextContent('認証を保有する事業所: 50%（認証を開示している 16 事業所のうち 8 事業所）');
  });

  it('downloads a table as a CSV file that Excel opens: BOM, CRLF, the values', async () => {
    const user = userEvent.setup();
    api();
    const files: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      files.push(blob as Blob);
      return 'blob:csv';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    session = renderAs(null, <Dashboard />);

    const table = await screen.findByTestId('families-table');
    await within(table).findByText('積層造形');
    await user.click(within(table).getByRole('button', { name: /^CSV ダウンロード\s*（「工程分類別の対応状況」）$/ }));

    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await files[0]!.arrayBuffer());
    expect(text.startsWith('\uFEFF工程分類,コード,地域の事業所,確認済み,受託可（条件付き含む）,受注余力あり,平均受注余力,状況\r\n')).toBe(true);
    expect(text.split('\r\n')).toEqual([
      expect.any(String),
      '機械加工,machining,12,6,12,4,20,対応可',
      '表面処理,surface,3,1,3,1,20,対応可',
      '積層造形,additive,0,0,0,0,,空白',
      '',
    ]);
  });

  it('asks for the region in the URL, and shows a coordinator the demand-side gaps', async () => {
    const user = userEvent.setup();
    const calls = api();
    session = renderAs(coordinator, <Dashboard />);

    const demandSection = await screen.findByTestId('demand-gaps');
    expect(await within(demandSection).findByTestId('demand-requests')).toHaveTextContent('期間中に募集された依頼: 3 件');
    const processes = within(demandSection).getByTestId('demand-processes');
    expect(within(processes).getAllByRole('row')[1]).toHaveAttribute('data-marked', 'true');
    expect(within(demandSection).getByTestId('demand-envelopes')).toHaveTextContent('指定なし');

    const filter = screen.getByRole('form', { name: '集計する地域' });
    await user.type(within(filter).getByLabelText('緯度'), '35.08');
    await user.type(within(filter).getByLabelText('経度'), '137.15');
    // A point without a radius would count the whole registry: it is not sent.
    const before = calls.length;
    await user.click(within(filter).getByRole('button', { name: '集計する' }));
    expect(await within(filter).findByText('地点を指定するときは半径も入力してください。')).toBeInTheDocument();
    expect(calls.slice(before).filter((c) => c.url.pathname === '/api/v1/analytics/coverage')).toHaveLength(0);
    await user.type(within(filter).getByLabelText('半径'), '30');
    await user.click(within(filter).getByRole('button', { name: '集計する' }));

    expect(await screen.findByText(/地点 35.08, 137.15 から半径 30 km/)).toBeInTheDocument();
    const asked = calls.filter((c) => c.url.pathname === '/api/v1/analytics/coverage').at(-1)!;
    expect(Object.fromEntries(asked.url.searchParams)).toEqual({ lat: '35.08', lon: '137.15', withinKm: '30' });
  });

  it('shows a coordinator the orders: on-time rate, how firms answer, value, and cells of fewer than 3 firms as 「—（3社未満）」', async () => {
    clearPlaceCache();
    api({
      'GET /api/v1/places/municipalities': () =>
        json([{ code: '232025', code5: '23202', nameJa: '岡崎市', nameKana: 'オカザキシ', nameEn: 'Okazaki-shi', kind: 'municipality', prefecture: { code: '23', nameJa: '愛知県', nameEn: 'Aichi' } }]),
    });
    session = renderAs(coordinator, <Dashboard />);

    const section = await screen.findByTestId('order-indicators');
    expect(within(section).getByRole('heading', { level: 2 })).toHaveTextContent('注文');
    expect(await within(section).findByTestId('order-on-time')).toHaveTextContent('80%');
    // 6 of the 7 firms counted answered through an account or a response link.
    expect(within(section).getByTestId('order-digital-share')).toHaveTextContent('85.7%');
    expect(within(section).getByTestId('order-answers')).toHaveTextContent('アカウント 3 社（42.9%）・回答用リンク 3 社（42.9%）・回答なし 1 社（14.3%）');
    expect(within(section).getByTestId('order-value')).toHaveTextContent('¥1,842,500');
    expect(within(section).getByTestId('order-lead')).toHaveTextContent('14.4');
    expect(within(section).getByTestId('order-km')).toHaveTextContent('12.6');
    const [, first, second, ...more] = within(within(section).getByTestId('order-cells')).getAllByRole('row');
    expect(more).toHaveLength(0);
    if (!first || !second) throw new Error('two order cells expected');
    expect(first).toHaveTextContent('—（3社未満）');
    expect(first).not.toHaveTextContent('¥');
    expect(second).toHaveTextContent('¥990,000');
    expect(second).toHaveTextContent('66.7%');
    // Places by name, not by code.
    expect(await within(second).findByText('岡崎市')).toBeInTheDocument();
    expect(second).not.toHaveTextContent('232025');
  });

  it('does not show the orders to visitors', async () => {
    const calls = api();
    session = renderAs(null, <Dashboard />);
    await screen.findByTestId('region-gaps');
    expect(screen.queryByTestId('order-indicators')).not.toBeInTheDocument();
    expect(calls.filter((c) => c.url.pathname === '/api/v1/analytics/orders')).toHaveLength(0);
  });

  it('shows a coordinator what came of the gatherings, per gathering with first-time ties, and narrows to a cluster', async () => {
    const user = userEvent.setup();
    const counts = (registered: number, met: number, followedUp: number, requests: number, orders: number, firstTimeTies: number) => ({
      registered, met, followedUp, requests, orders, firstTimeTies,
    });
    const calls = api({
      'GET /api/v1/analytics/gathering-funnel': (call) =>
        json(
          call.url.searchParams.get('clusterId') === 'cluster-1'
            ? { gatherings: [], clusters: [], total: counts(0, 0, 0, 0, 0, 0) }
            : {
                gatherings: [
                  { gatheringId: 'g-1', kind: 'matching_meeting', status: 'closed', titleJa: '西三河 マッチング会', heldOn: '2030-06-12', clusterId: 'cluster-1', clusterNameJa: '西三河自動車部品クラスター', counts: counts(12, 9, 6, 2, 1, 4) },
                  { gatheringId: 'g-2', kind: 'showcase', status: 'held', titleJa: '技術展示会', heldOn: '2030-07-01', counts: counts(20, 3, 1, 0, 0, 3) },
                ],
                clusters: [
                  { clusterId: 'cluster-1', clusterNameJa: '西三河自動車部品クラスター', gatherings: 1, counts: counts(12, 9, 6, 2, 1, 4) },
                  { clusterId: null, clusterNameJa: null, gatherings: 1, counts: counts(20, 3, 1, 0, 0, 3) },
                ],
                total: counts(32, 12, 7, 2, 1, 7),
              },
        ),
    });
    session = renderAs(coordinator, <Dashboard />);

    const section = await screen.findByTestId('gathering-funnel');
    expect(await within(section).findByTestId('funnel-total-met')).toHaveTextContent('12');
    expect(within(section).getByTestId('funnel-total-firstTimeTies')).toHaveTextContent('7');
    const rows = within(within(section).getByTestId('funnel-gatherings')).getAllByTestId('funnel-row');
    // The day heads each row; then the gathering, its kind and cluster in words, and the counts.
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['2030-06-12', '2030-07-01']);
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['西三河 マッチング会', 'マッチング会', '西三河自動車部品クラスター', '12', '9', '6', '2', '1', '4'],
      ['技術展示会', '技術展示会', '（クラスター指定なし）', '20', '3', '1', '0', '0', '3'],
    ]);
    expect(within(rows[0]!).getByRole('link', { name: '西三河 マッチング会' })).toHaveAttribute('href', '/gatherings/g-1');

    await user.selectOptions(within(section).getByLabelText('クラスター'), '西三河自動車部品クラスター');
    expect(await within(section).findByTestId('funnel-total-met')).toHaveTextContent('0');
    expect(calls.filter((c) => c.url.pathname === '/api/v1/analytics/gathering-funnel').at(-1)!.url.searchParams.get('clusterId')).toBe('cluster-1');
  });
});
