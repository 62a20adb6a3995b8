import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
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
          ],
        },
        {
          supplierId: 'site-b',
          nameJa: '岡崎 機械',
          location: { lat: 34.95, lon: 137.17 },
          verified: false,
          distanceKm: 14.2,
          score: 0.5,
          explanation: [],
        },
      ],
    },
    { step: 1, processCode: 'joining.welding.tig', doable: false, candidates: [] },
  ],
  chains: [
    {
      steps: [
        { step: 0, supplierId: 'site-a', nameJa: '豊田 精工', location: { lat: 35.08, lon: 137.15 } },
        { step: 1, supplierId: null, nameJa: null },
      ],
      legs: [],
      totalKm: 0,
      firms: 1,
      completeness: 0.5,
      gaps: [1],
    },
  ],
};

function renderResults() {
  installFakeApi({});
  render(
    <I18nProvider>
      <MatchResults evaluation={evaluation} />
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
    expect(within(steps[0]!).getAllByTestId('candidate-score')[0]).toHaveTextContent('スコア 81%');
    expect(within(steps[0]!).getAllByTestId('candidate-distance')[0]).toHaveTextContent('2.3 km');
    expect(within(steps[1]!).getByTestId('step-not-doable')).toHaveTextContent('この地域では対応できる事業所がありません');
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
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['公差 (µm)', 'ロットサイズ', 'リードタイム (日)']);
    expect(within(rows[0]!).getByTestId('outcome')).toHaveTextContent('満たす');
    expect(within(rows[1]!).getByTestId('outcome')).toHaveTextContent('満たさない');
    expect(within(rows[2]!).getByTestId('outcome')).toHaveTextContent('一部満たす');
    expect(rows[2]).toHaveTextContent('0.045 / 0.18');
  });

  it('show the best chain: a site per step, completeness and the steps the region cannot do', async () => {
    renderResults();

    const chain = screen.getByTestId('chain');
    const steps = within(chain).getAllByTestId('chain-step');
    expect(steps[0]).toHaveTextContent('豊田 精工');
    expect(steps[1]).toHaveTextContent('対応できる事業所なし');
    expect(within(chain).getByTestId('chain-completeness')).toHaveTextContent('地域完結度: 50%');
    expect(await within(chain).findByText(/地域で対応できない工程: 工程 2（TIG溶接）/)).toBeInTheDocument();
    expect(within(chain).getAllByTestId('map-point')).toHaveLength(1);
  });
});
