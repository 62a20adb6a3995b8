import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '@/lib/auth';
import { cluster, coverage, processTerms } from '@/testing/cluster-fixtures';
import { json, problem } from '@/testing/fake-auth-api';
import { installFakeApi } from '@/testing/fake-registry-api';
import { gathering } from '@/testing/gathering-fixtures';
import { renderRoutes, testSession } from '@/testing/render';
import { routes } from './router';

let session: Session;
afterEach(() => session.dispose());

function open(path: string) {
  session = testSession();
  return renderRoutes(routes, path, session);
}

describe('page titles', () => {
  it.each([
    ['/suppliers', 'サプライヤー検索 | 地域ものづくりレジストリ'],
    ['/clusters', '産業クラスター | 地域ものづくりレジストリ'],
    ['/analytics', '地域分析 | 地域ものづくりレジストリ'],
    ['/gatherings', 'イベント | 地域ものづくりレジストリ'],
    ['/login', 'サインイン | 地域ものづくりレジストリ'],
    ['/no-such-page', 'ページが見つかりません | 地域ものづくりレジストリ'],
    ['/', '地域ものづくりレジストリ'],
  ])('%s is titled "%s"', async (path, title) => {
    installFakeApi({ 'GET /api/v1/suppliers': () => json({ items: [], nextCursor: null }) });
    open(path);

    await waitFor(() => expect(document.title).toBe(title));
  });

  it("a cluster's page is titled with its name, and follows the language", async () => {
    const user = userEvent.setup();
    installFakeApi({
      'GET /api/v1/clusters/cluster-1': () => json(cluster()),
      'GET /api/v1/clusters/cluster-1/coverage': () => json(coverage()),
      'GET /api/v1/clusters/cluster-1/members': () => json([]),
      'GET /api/v1/taxonomy/processes': () => json(processTerms),
    });
    open('/clusters/cluster-1');

    await waitFor(() => expect(document.title).toBe('西三河自動車部品クラスター | 地域ものづくりレジストリ'));
    await user.click(screen.getByRole('button', { name: 'English' }));
    await waitFor(() => expect(document.title).toBe('Nishi-Mikawa automotive parts cluster | Regional Manufacturing Registry'));
  });
});

describe("a gathering's page", () => {
  it('is titled with its name in the reader’s language', async () => {
    const user = userEvent.setup();
    installFakeApi({ 'GET /api/v1/gatherings/g-1': () => json(gathering({ status: 'published' })) });
    open('/gatherings/g-1');

    await waitFor(() => expect(document.title).toBe('西三河 自動車部品マッチング会 | 地域ものづくりレジストリ'));
    await user.click(screen.getByRole('button', { name: 'English' }));
    await waitFor(() => expect(document.title).toBe('Nishi-Mikawa automotive matching meeting | Regional Manufacturing Registry'));
  });

  it('gets the not-found page when the API answers 404 (a draft, for anyone but coordinators)', async () => {
    installFakeApi({ 'GET /api/v1/gatherings/g-2': () => problem(404, '/problems/not-found') });
    open('/gatherings/g-2');

    expect(await screen.findByRole('heading', { level: 1, name: 'イベントが見つかりません' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← イベント一覧' })).toHaveAttribute('href', '/gatherings');
  });
});

describe('a cluster that is not there', () => {
  it('gets the not-found page, as a missing site does, not an error with a trace id', async () => {
    installFakeApi({ 'GET /api/v1/clusters/no-such-cluster': () => problem(404, '/problems/not-found') });
    open('/clusters/no-such-cluster');

    expect(await screen.findByRole('heading', { level: 1, name: 'クラスターが見つかりません' })).toBeInTheDocument();
    expect(screen.getByTestId('cluster-not-found')).toHaveTextContent('404');
    expect(screen.getByRole('link', { name: '← クラスター一覧' })).toHaveAttribute('href', '/clusters');
    expect(screen.queryByTestId('error-state')).not.toBeInTheDocument();
    expect(screen.queryByText(/問い合わせ番号/)).not.toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('クラスターが見つかりません | 地域ものづくりレジストリ'));
  });

  it('still reports a failure that is not a 404 as an error with its trace id', async () => {
    installFakeApi({ 'GET /api/v1/clusters/cluster-1': () => problem(500, '/problems/internal') });
    open('/clusters/cluster-1');

    expect(await screen.findByTestId('error-state')).toHaveTextContent('問い合わせ番号: 00-trace-00');
  });
});
