import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '@/lib/auth';
import { cluster, processTerms } from '@/testing/cluster-fixtures';
import { coordinator, json } from '@/testing/fake-auth-api';
import { installFakeApi } from '@/testing/fake-registry-api';
import { renderAs } from '@/testing/signed-in';
import { ClusterList } from './cluster-list';

let session: Session | null = null;
afterEach(() => session?.dispose());

const food = cluster({
  id: 'cluster-2',
  code: 'chita-food',
  nameJa: '知多食品パッケージクラスター',
  sector: 'food_packaging',
  valueChain: ['machining.turning'],
});

describe('the cluster list', () => {
  it('links each cluster and filters by sector through the API', async () => {
    const user = userEvent.setup();
    const calls = installFakeApi({
      'GET /api/v1/clusters': (call) => json({ items: call.url.searchParams.get('sector') === 'food_packaging' ? [food] : [cluster(), food] }),
      'GET /api/v1/taxonomy/processes': () => json(processTerms),
    });
    session = renderAs(null, <ClusterList />);

    const cards = await screen.findAllByTestId('cluster-card');
    expect(cards).toHaveLength(2);
    expect(within(cards[0]!).getByRole('link', { name: '西三河自動車部品クラスター' })).toHaveAttribute('href', '/clusters/cluster-1');
    expect(await within(cards[0]!).findByText('熱間鍛造 → 旋盤加工 → 塗装')).toBeInTheDocument();
    // Visitors see published clusters only, without states, and cannot create one.
    expect(screen.queryByTestId('cluster-status')).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '新しいクラスター' })).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('分野で絞り込む'), '食品・包装');

    expect(await screen.findByText('1 件を表示中')).toBeInTheDocument();
    expect(screen.getAllByTestId('cluster-card')).toHaveLength(1);
    expect(calls.at(-1)!.url.searchParams.get('sector')).toBe('food_packaging');
  });

  it('shows a coordinator each cluster with its state and a link to create one', async () => {
    installFakeApi({
      'GET /api/v1/clusters': () => json({ items: [cluster({ status: 'draft' }), food] }),
    });
    session = renderAs(coordinator, <ClusterList />);

    const states = await screen.findAllByTestId('cluster-status');
    expect(states.map((s) => s.textContent)).toEqual(['下書き（非公開）', '公開中']);
    expect(screen.getByRole('link', { name: '新しいクラスター' })).toHaveAttribute('href', '/clusters/new');
  });
});
