import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '@/lib/auth';
import { cluster, coverage, processTerms } from '@/testing/cluster-fixtures';
import { json } from '@/testing/fake-auth-api';
import { installFakeApi } from '@/testing/fake-registry-api';
import { renderAs } from '@/testing/signed-in';
import { CoverageSection } from './coverage-section';

let session: Session | null = null;
afterEach(() => session?.dispose());

function renderCoverage(answer = coverage()) {
  installFakeApi({
    'GET /api/v1/clusters/cluster-1/coverage': () => json(answer),
    'GET /api/v1/taxonomy/processes': () => json(processTerms),
  });
  session = renderAs(null, <CoverageSection cluster={cluster()} />);
}

describe("a cluster's value-chain coverage", () => {
  it('draws a bar group per step and highlights the step with no site in the region as a named gap', async () => {
    renderCoverage();

    // The gap is named above the chart, with the step's process label.
    const gaps = await screen.findByTestId('coverage-gaps');
    expect(await within(gaps).findByText(/工程 3（塗装）/)).toBeInTheDocument();
    expect(gaps).toHaveTextContent('地域内に事業所がない工程（空白）: 1 件');
    expect(within(gaps).queryByText(/旋盤加工/)).not.toBeInTheDocument();

    const chart = screen.getByTestId('coverage-chart');
    const groups = within(chart).getAllByTestId('bar-category');
    expect(groups).toHaveLength(3);
    expect(groups.map((g) => g.getAttribute('data-gap'))).toEqual([null, null, 'true']);
    expect(within(groups[2]!).getByTestId('bar-gap-text')).toHaveTextContent('空白: 地域内に事業所なし');
    expect(within(groups[0]!).queryByTestId('bar-gap-text')).not.toBeInTheDocument();
    // The bars are the step's figures: sites, verified, with spare capacity, members.
    const bars = groups[1]!.querySelectorAll('rect.bar-chart__bar');
    expect([...bars].map((bar) => bar.getAttribute('data-value'))).toEqual(['12', '5', '6', '2']);

    // The text alternative says every figure, and the gap.
    const svg = chart.querySelector('svg')!;
    expect(svg).toHaveAttribute('role', 'img');
    expect(svg.querySelector('desc')).toHaveTextContent('工程 2（旋盤加工）: 地域の事業所 12、確認済み 5、受注余力あり 6、メンバー 2');
    expect(svg.querySelector('desc')).toHaveTextContent('工程 3（塗装）: 地域の事業所 0');
    expect(svg.querySelector('desc')).toHaveTextContent('空白: 地域内に事業所なし');
  });

  it('marks the gap in the table and breaks the steps down by municipality', async () => {
    renderCoverage();

    const table = await screen.findByTestId('coverage-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.getAttribute('data-marked'))).toEqual([null, null, 'true']);
    expect(rows[2]).toHaveTextContent('空白');
    expect(rows[1]).toHaveTextContent('対応可');

    const byMunicipality = screen.getByTestId('coverage-by-municipality');
    expect(await within(byMunicipality).findByText('工程 1（熱間鍛造）')).toBeInTheDocument();
    const [, ...cells] = within(byMunicipality).getAllByRole('row');
    expect(cells.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['3', '8', '0'],
      ['0', '4', '0'],
    ]);
    expect(within(cells[0]!).getByRole('rowheader')).toHaveTextContent('232114');
  });

  it('says so when every step can be done in the region', async () => {
    const complete = coverage();
    complete.steps[2] = { ...complete.steps[2]!, sites: 2, byMunicipality: [{ municipalityCode: '232025', sites: 2 }] };
    renderCoverage({ ...complete, gaps: [] });

    expect(await screen.findByTestId('coverage-complete')).toHaveTextContent('すべての工程に、地域内で対応できる事業所があります。');
    expect(screen.queryByTestId('coverage-gaps')).not.toBeInTheDocument();
    expect(screen.getByTestId('coverage-chart').querySelector('[data-gap]')).toBeNull();
  });
});
