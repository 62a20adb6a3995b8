import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '@/lib/auth';
import { processTerms, theme } from '@/testing/cluster-fixtures';
import { coordinator, json } from '@/testing/fake-auth-api';
import { installFakeApi } from '@/testing/fake-registry-api';
import { renderAs } from '@/testing/signed-in';
import type { ConsortiumProposal, Theme } from '../api/types';
import { ConsortiumView, type RenderChain } from './consortium-view';

let session: Session | null = null;
afterEach(() => session?.dispose());

const proposal: ConsortiumProposal = {
  steps: ['forging.hot', 'machining.turning', 'surface.painting'],
  proposedAt: '2030-05-01T03:00:00Z',
  chain: {
    steps: [
      { step: 0, supplierId: 'site-a', nameJa: '昭和鍛造', location: { lat: 35.08, lon: 137.15 } },
      { step: 1, supplierId: 'site-b', nameJa: '東郷精工', location: { lat: 35.1, lon: 137.1 } },
      { step: 2, supplierId: null, nameJa: null },
    ],
    legs: [{ fromStep: 0, toStep: 1, km: 4.2 }],
    totalKm: 4.2,
    firms: 2,
    completeness: 2 / 3,
    gaps: [2],
  },
};

function renderView(shown: Theme, renderChain?: RenderChain) {
  let current = shown;
  const calls = installFakeApi({
    'GET /api/v1/clusters/cluster-1/themes/theme-1/consortium': () => json(proposal),
    'GET /api/v1/taxonomy/processes': () => json(processTerms),
    'POST /api/v1/clusters/cluster-1/themes/theme-1/participants': (call) => {
      const { supplierId } = JSON.parse(call.body) as { supplierId: string };
      current = {
        ...current,
        participants: [...current.participants, { supplierId, nameJa: supplierId, joinedAt: '2030-05-01T03:00:00Z' }],
        version: current.version + 1,
      };
      return json(current);
    },
  });
  const onTheme = vi.fn();
  session = renderAs(coordinator, <ConsortiumView clusterId="cluster-1" theme={shown} manages renderChain={renderChain} onTheme={onTheme} />);
  return { calls, onTheme };
}

describe("a joint order's proposed consortium", () => {
  it('names the steps no member covers and the proposed site of every other step', async () => {
    renderView(theme());

    const gaps = await screen.findByTestId('consortium-gaps');
    expect(gaps).toHaveTextContent('メンバーで対応できない工程: 1 件');
    expect(await within(gaps).findByText('工程 3（塗装）')).toBeInTheDocument();
    expect(within(gaps).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.queryByTestId('consortium-complete')).not.toBeInTheDocument();
    expect(screen.getByTestId('consortium-completeness')).toHaveTextContent('地域完結度 67%・関わる企業 2 社・総移動距離 4.2 km');
    expect(screen.getAllByTestId('consortium-site').map((li) => li.textContent)).toEqual([
      '昭和鍛造: 工程 1（熱間鍛造）',
      '東郷精工: 工程 2（旋盤加工）',
    ]);
  });

  it("hands the chain to the app's chain view with each step's process", async () => {
    const renderChain = vi.fn<RenderChain>(() => <p data-testid="chain-slot">chain</p>);
    renderView(theme(), renderChain);

    expect(await screen.findByTestId('chain-slot')).toBeInTheDocument();
    await screen.findByText('工程 3（塗装）');
    const [chain, processOf] = renderChain.mock.lastCall!;
    expect(chain).toEqual(proposal.chain);
    expect([0, 1, 2].map(processOf)).toEqual(['熱間鍛造', '旋盤加工', '塗装']);
  });

  it('adds the proposed sites that are not participants yet, one call each', async () => {
    const user = userEvent.setup();
    const { calls, onTheme } = renderView(
      theme({ participants: [{ supplierId: 'site-a', nameJa: '昭和鍛造', joinedAt: '2030-04-01T00:00:00Z' }] }),
    );

    await user.click(await screen.findByRole('button', { name: '提案された 1 事業所を参加者に追加' }));

    expect(await screen.findByTestId('consortium-added')).toHaveTextContent('1 事業所を参加者に追加しました。');
    const joins = calls.filter((c) => c.method === 'POST');
    expect(joins.map((c) => JSON.parse(c.body))).toEqual([{ supplierId: 'site-b' }]);
    expect(onTheme).toHaveBeenCalledTimes(1);
  });

  it('says so when the members cover every step', async () => {
    const full: ConsortiumProposal = {
      ...proposal,
      chain: { ...proposal.chain, steps: proposal.chain.steps.slice(0, 2), gaps: [], completeness: 1 },
      steps: proposal.steps.slice(0, 2),
    };
    installFakeApi({
      'GET /api/v1/clusters/cluster-1/themes/theme-1/consortium': () => json(full),
      'GET /api/v1/taxonomy/processes': () => json(processTerms),
    });
    session = renderAs(coordinator, <ConsortiumView clusterId="cluster-1" theme={theme()} manages onTheme={() => undefined} />);

    expect(await screen.findByTestId('consortium-complete')).toHaveTextContent('すべての工程をメンバーで分担できます。');
    expect(screen.queryByTestId('consortium-gaps')).not.toBeInTheDocument();
  });
});
