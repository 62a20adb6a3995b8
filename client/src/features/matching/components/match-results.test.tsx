import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '@/lib/i18n';
import { installFakeApi } from '@/testing/fake-registry-api';
import type { MatchEvaluation } from '../api/types';
import { MatchResults } from './match-results';

const evaluation: MatchEvaluation = {
  evaluatedAt: '2030-05-01T03:00:00Z',
  steps: [
    {
      step: 0,
      processCode: 'machining.milling.5axis',
      doable: true,
      candidates: [
        {
          supplierId: 'site-a',
          nameJa: '豊田 精工',
          location: { lat: 35.08, lon: 137.15 },
          verified: true,
          distanceKm: 2.34,
          score: 0.8123,
          explanation: [
            { criterion: 'tolerance_um', required: '10', offered: '5', met: 'met', weight: 0.2, points: 0.2 },
            { criterion: 'lot_size', required: '500', offered: '1–100', met: 'unmet', weight: 0.12, points: 0 },
            { criterion: 'lead_days', required: '≤ 30', offered: 'unknown', met: 'partial', weight: 0.18, points: 0.045 },
            { criterion: 'certifications_beyond_required', required: 'preferred', offered: 'not disclosed', met: 'unmet', weight: 0.08, points: 0 },
          ],
        },
        {
          supplierId: 'site-b',
          nameJa: '岡崎 機械',
          location: { lat: 34.95, lon: 137.17 },
          verified: false,
          distanceKm: 14.2,
          score: 0.5,
          explanation: [
            { criterion: 'certifications_beyond_required', required: 'preferred', offered: 'iatf_16949, iso_9001', met: 'met', weight: 0.08, points: 0.08 },
            { criterion: 'inspection_equipment', required: 'preferred', offered: 'no', met: 'unmet', weight: 0.08, points: 0 },
          ],
        },
      ],
    },
    { step: 1, processCode: 'joining.welding.tig', doable: false, candidates: [] },
  ],
  deliveryPoint: { lat: 35.0, lon: 137.1 },
  chains: [
    {
      steps: [
        { step: 0, supplierId: 'site-a', nameJa: '豊田 精工', location: { lat: 35.08, lon: 137.15 } },
        { step: 1, supplierId: null, nameJa: null },
      ],
      legs: [],
      delivery: { fromStep: 0, km: 9.6 },
      totalKm: 0,
      firms: 1,
      completeness: 0.5,
      gaps: [1],
    },
  ],
};

const site = (id: string, lat: number, lon: number) => ({ supplierId: id, nameJa: `事業所 ${id}`, location: { lat, lon } });

/** Three steps, three chains: two complete ones and one that cannot do step 3. */
const threeSteps: MatchEvaluation = {
  evaluatedAt: '2030-05-01T03:00:00Z',
  steps: [
    { step: 0, processCode: 'machining.milling.5axis', doable: true, candidates: [] },
    { step: 1, processCode: 'machining.milling', doable: true, candidates: [] },
    { step: 2, processCode: 'joining.welding.tig', doable: true, candidates: [] },
  ],
  deliveryPoint: { lat: 35.0, lon: 137.1 },
  chains: [
    {
      steps: [
        { step: 0, ...site('site-a', 35.08, 137.15) },
        { step: 1, ...site('site-a', 35.08, 137.15) },
        { step: 2, ...site('site-c', 34.95, 137.17) },
      ],
      legs: [
        { fromStep: 0, toStep: 1, km: 0 },
        { fromStep: 1, toStep: 2, km: 14.6 },
      ],
      delivery: { fromStep: 2, km: 8.2 },
      totalKm: 14.6,
      firms: 2,
      completeness: 1,
      gaps: [],
    },
    {
      steps: [
        { step: 0, ...site('site-b', 35.18, 136.9) },
        { step: 1, ...site('site-c', 34.95, 137.17) },
        { step: 2, ...site('site-d', 34.77, 137.39) },
      ],
      legs: [
        { fromStep: 0, toStep: 1, km: 20.5 },
        { fromStep: 1, toStep: 2, km: 21 },
      ],
      delivery: { fromStep: 2, km: 30.4 },
      totalKm: 41.5,
      firms: 3,
      completeness: 1,
      gaps: [],
    },
    {
      steps: [
        { step: 0, ...site('site-a', 35.08, 137.15) },
        { step: 1, ...site('site-a', 35.08, 137.15) },
        { step: 2, supplierId: null, nameJa: null },
      ],
      legs: [{ fromStep: 0, toStep: 1, km: 0 }],
      delivery: { fromStep: 1, km: 9.6 },
      totalKm: 0,
      firms: 2,
      completeness: 2 / 3,
      gaps: [2],
    },
  ],
};

const Routed = ({ children }: { children: ReactNode }) => <MemoryRouter>{children}</MemoryRouter>;

function renderResults() {
  installFakeApi({});
  render(
    <I18nProvider>
      <Routed>
      <MatchResults evaluation={evaluation} />
      </Routed>
    </I18nProvider>,
  );
}

describe('match results', () => {
  it('rank the sites of each step with their score and distance, and say when no site in the region can do a step', async () => {
    renderResults();

    const steps = screen.getAllByTestId('match-step');
    expect(await within(steps[0]!).findByRole('heading', { name: '工程 1: 5軸加工' })).toBeInTheDocument();
    const names = within(steps[0]!).getAllByTestId('candidate-name').map((n) => n.textContent);
    expect(names).toEqual(['豊田 精工', '岡崎 機械']);
    // A candidate's name opens its profile.
    expect(within(steps[0]!).getByRole('link', { name: '豊田 精工' })).toHaveAttribute('href', '/suppliers/site-a');
    expect(within(steps[0]!).getAllByTestId('candidate-score')[0]).toHaveTextContent('スコア 81%');
    expect(within(steps[0]!).getAllByTestId('candidate-distance')[0]).toHaveTextContent('2.3 km');
    expect(await within(steps[1]!).findByText('地域内に工程 2 を行える事業所がありません: TIG溶接')).toHaveAttribute(
      'data-testid',
      'step-not-doable',
    );
    expect(within(steps[0]!).queryByTestId('step-not-doable')).not.toBeInTheDocument();
  });

  it("open a site's explanation with each criterion's outcome in words as well as a mark", async () => {
    const user = userEvent.setup();
    renderResults();

    const first = screen.getAllByTestId('candidate')[0]!;
    const toggle = within(first).getByRole('button', { expanded: false });
    await user.click(toggle);

    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const table = within(first).getByRole('table', { name: '豊田 精工 の評価内訳' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(4);
    expect(rows.slice(0, 3).map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['公差 (µm)', 'ロットサイズ', 'リードタイム (日)']);
    expect(within(rows[0]!).getByTestId('outcome')).toHaveTextContent('満たす');
    expect(within(rows[1]!).getByTestId('outcome')).toHaveTextContent('満たさない');
    expect(within(rows[2]!).getByTestId('outcome')).toHaveTextContent('一部満たす');
    expect(rows[2]).toHaveTextContent('0.045 / 0.18');
    // Words from the service are shown in the reader's language; a hidden section is 非開示, not なし.
    expect(within(rows[2]!).getByTestId('offered')).toHaveTextContent('不明');
    expect(within(rows[3]!).getByTestId('offered')).toHaveTextContent('非開示');
  });

  it("name further certifications and the service's words by their labels, never by their codes", async () => {
    const user = userEvent.setup();
    renderResults();

    const second = screen.getAllByTestId('candidate')[1]!;
    await user.click(within(second).getByRole('button', { expanded: false }));

    const rows = within(within(second).getByRole('table')).getAllByRole('row').slice(1);
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent('追加の認証');
    await waitFor(() => expect(within(rows[0]!).getByTestId('offered')).toHaveTextContent('IATF 16949、ISO 9001'));
    expect(rows[0]).not.toHaveTextContent('iso_9001');
    expect(within(rows[1]!).getByTestId('offered')).toHaveTextContent('なし');
    expect(rows[1]).toHaveTextContent('望ましい');
    expect(rows[1]).not.toHaveTextContent('preferred');
  });

  it('show the best chain: a site per step, completeness and the step the region cannot do, named with its process', async () => {
    renderResults();

    const chain = screen.getByTestId('chain');
    const steps = within(chain).getAllByTestId('chain-step');
    expect(steps[0]).toHaveTextContent('豊田 精工');
    expect(steps[1]).toHaveTextContent('対応できる事業所なし');
    expect(within(chain).getByTestId('chain-completeness')).toHaveTextContent('地域完結度: 50%');
    const gaps = within(chain).getByTestId('chain-gaps');
    expect(await within(gaps).findByText('地域内に工程 2 を行える事業所がありません: TIG溶接')).toBeInTheDocument();
    expect(within(chain).getAllByTestId('map-point')).toHaveLength(1);
  });

  it('list every chain with its completeness, firms, distance and gaps, and draw the chosen one on the map', async () => {
    const user = userEvent.setup();
    installFakeApi({});
    render(
      <I18nProvider>
        <Routed>
          <MatchResults evaluation={threeSteps} />
        </Routed>
      </I18nProvider>,
    );

    const options = screen.getAllByTestId('chain-option');
    expect(options).toHaveLength(3);
    expect(options.map((o) => within(o).getByTestId('option-completeness').textContent)).toEqual([
      '地域完結度: 100%',
      '地域完結度: 100%',
      '地域完結度: 67%',
    ]);
    expect(options.map((o) => within(o).getByTestId('option-firms').textContent)).toEqual([
      '関わる企業: 2 社',
      '関わる企業: 3 社',
      '関わる企業: 2 社',
    ]);
    expect(within(options[1]!).getByTestId('option-total')).toHaveTextContent('総移動距離: 41.5 km');
    expect(within(options[0]!).queryByTestId('chain-gap')).not.toBeInTheDocument();
    expect(await within(options[2]!).findByText('地域内に工程 3 を行える事業所がありません: TIG溶接')).toBeInTheDocument();

    // The best is drawn first: its two sites numbered by their steps, the legs between steps and on to the delivery point.
    const first = screen.getByRole('radio', { name: '案 1' });
    expect(first).toBeChecked();
    let chain = screen.getByTestId('chain');
    expect(chain).toHaveAttribute('data-chain', '1');
    const points = within(chain).getAllByTestId('map-point');
    expect(points.map((p) => [p.getAttribute('data-id'), p.textContent])).toEqual([
      ['site-a', '工程 1,2: 事業所 site-a1,2'],
      ['site-c', '工程 3: 事業所 site-c3'],
    ]);
    expect(within(chain).getAllByTestId('map-line').map((l) => l.getAttribute('data-kind'))).toEqual(['leg', 'leg', 'destination']);
    expect(within(chain).getByTestId('map-destination')).toHaveTextContent('納品先（地域の中心）');
    expect(within(chain).getByTestId('chain-delivery-leg')).toHaveTextContent('工程 3 → 納品先: 8.2 km');
    expect(within(chain).getAllByTestId('chain-site').map((a) => a.getAttribute('href'))).toEqual([
      '/suppliers/site-a',
      '/suppliers/site-a',
      '/suppliers/site-c',
    ]);

    await user.click(screen.getByRole('radio', { name: '案 2' }));

    chain = screen.getByTestId('chain');
    expect(chain).toHaveAttribute('data-chain', '2');
    expect(screen.getByRole('radio', { name: '案 2' })).toBeChecked();
    expect(options[1]).toHaveAttribute('data-selected', 'true');
    expect(within(chain).getAllByTestId('map-point').map((p) => p.getAttribute('data-id'))).toEqual(['site-b', 'site-c', 'site-d']);
    expect(within(chain).getAllByTestId('chain-leg').map((leg) => leg.textContent)).toEqual([
      '工程 1 → 工程 2: 20.5 km',
      '工程 2 → 工程 3: 21 km',
    ]);

    await user.click(screen.getByRole('radio', { name: '案 3' }));

    chain = screen.getByTestId('chain');
    // Step 3 is a gap: one site left on the map, and no leg to it.
    expect(within(chain).getAllByTestId('map-point').map((p) => p.getAttribute('data-id'))).toEqual(['site-a']);
    expect(within(chain).getAllByTestId('chain-leg').map((leg) => leg.textContent)).toEqual(['工程 1 → 工程 2: 0 km']);
    // The parts leave for the delivery point from step 2, the last the region can do.
    expect(within(chain).getByTestId('chain-delivery-leg')).toHaveTextContent('工程 2 → 納品先: 9.6 km');
    expect(within(chain).getByTestId('map-point')).toHaveAttribute('data-marker', '1,2');
    expect(within(chain).getAllByTestId('chain-step')[2]).toHaveAttribute('data-gap', 'true');
  });

  it('say so when no chain could be formed', () => {
    installFakeApi({});
    render(
      <I18nProvider>
        <Routed>
          <MatchResults evaluation={{ ...evaluation, chains: [] }} />
        </Routed>
      </I18nProvider>,
    );
    expect(within(screen.getByTestId('chains')).getByText('工程チェーンは組めませんでした。')).toBeInTheDocument();
    expect(screen.queryByTestId('chain')).not.toBeInTheDocument();
  });
});
