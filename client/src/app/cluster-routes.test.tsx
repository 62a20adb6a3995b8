import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '@/lib/auth';
import { cluster, coverage, member, processTerms, theme } from '@/testing/cluster-fixtures';
import { coordinator, json } from '@/testing/fake-auth-api';
import { installFakeApi } from '@/testing/fake-registry-api';
import { renderRoutes, testSession } from '@/testing/render';
import { routes } from './router';

let session: Session;
afterEach(() => session.dispose());

describe('the cluster page in the app', () => {
  it("shows a joint order's consortium with matching's chain view: a site per step, the gap, the map", async () => {
    const user = userEvent.setup();
    installFakeApi({
      'GET /api/v1/clusters/cluster-1': () => json(cluster()),
      'GET /api/v1/clusters/cluster-1/coverage': () => json(coverage()),
      'GET /api/v1/clusters/cluster-1/members': () => json([member()]),
      'GET /api/v1/clusters/cluster-1/themes': () => json([theme()]),
      'GET /api/v1/taxonomy/processes': () => json(processTerms),
      'GET /api/v1/clusters/cluster-1/themes/theme-1/consortium': () =>
        json({
          steps: theme().steps,
          proposedAt: '2030-05-01T03:00:00Z',
          chain: {
            steps: [
              { step: 0, supplierId: 'site-a', nameJa: '昭和鍛造', location: { lat: 35.08, lon: 137.15 } },
              { step: 1, supplierId: 'site-a', nameJa: '昭和鍛造', location: { lat: 35.08, lon: 137.15 } },
              { step: 2 },
            ],
            legs: [{ fromStep: 0, toStep: 1, km: 0 }],
            totalKm: 0,
            firms: 1,
            completeness: 2 / 3,
            gaps: [2],
          },
        }),
    });
    session = testSession();
    session.start({ accessToken: 'a', expiresIn: 900, refreshToken: 'r', refreshTokenExpiresAt: '2099-01-01T00:00:00Z', user: coordinator });
    renderRoutes(routes, '/clusters/cluster-1', session);

    expect(await screen.findByRole('heading', { level: 1, name: '西三河自動車部品クラスター' })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'コンソーシアム案を見る' }));

    const chain = await screen.findByTestId('chain');
    const steps = within(chain).getAllByTestId('chain-step');
    expect(steps).toHaveLength(3);
    expect(steps[2]).toHaveAttribute('data-gap', 'true');
    expect(await within(chain).findByText('工程 3（塗装）')).toBeInTheDocument();
    const gap = within(within(chain).getByTestId('chain-gaps')).getByTestId('chain-gap');
    expect(gap).toHaveAttribute('data-step', '2');
    expect(gap).toHaveTextContent('塗装');
    expect(within(chain).getByTestId('supplier-map')).toBeInTheDocument();
  });
});
