import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '@/lib/auth';
import { cluster, processTerms, theme } from '@/testing/cluster-fixtures';
import { coordinator, json, member as memberUser } from '@/testing/fake-auth-api';
import { installFakeApi, type Call } from '@/testing/fake-registry-api';
import { renderAs } from '@/testing/signed-in';
import type { Theme } from '../api/types';
import { useClusterViewer } from '../viewer';
import { ThemesSection } from './themes-section';

let session: Session | null = null;
afterEach(() => session?.dispose());

function Section() {
  const shown = cluster();
  return <ThemesSection cluster={shown} viewer={useClusterViewer(shown)} />;
}

/** A fake of the theme endpoints that moves the theme through its states as the API does. */
function themeApi(initial: Theme) {
  let current = initial;
  const move = (status: Theme['status']) => () => {
    current = { ...current, status, version: current.version + 1 };
    return json(current);
  };
  const base = `/api/v1/clusters/cluster-1/themes/${initial.id}`;
  return {
    'GET /api/v1/clusters/cluster-1/themes': () => json([current]),
    'GET /api/v1/taxonomy/processes': () => json(processTerms),
    [`POST ${base}/activate`]: move('active'),
    [`POST ${base}/complete`]: move('completed'),
    [`POST ${base}/drop`]: move('dropped'),
  };
}

const posts = (calls: Call[]) => calls.filter((c) => c.method === 'POST').map((c) => c.url.pathname);

describe("a cluster's themes", () => {
  it('moves a theme from proposed to active to completed through the matching endpoints', async () => {
    const user = userEvent.setup();
    const calls = installFakeApi(themeApi(theme()));
    session = renderAs(coordinator, <Section />);

    const card = await screen.findByTestId('theme');
    expect(within(card).getByTestId('theme-status')).toHaveTextContent('提案中');
    expect(within(card).queryByRole('button', { name: '完了にする' })).not.toBeInTheDocument();

    await user.click(within(card).getByRole('button', { name: '開始する' }));
    expect(await within(card).findByText('進行中')).toBeInTheDocument();
    expect(posts(calls)).toEqual(['/api/v1/clusters/cluster-1/themes/theme-1/activate']);
    expect(within(card).queryByRole('button', { name: '開始する' })).not.toBeInTheDocument();

    await user.click(within(card).getByRole('button', { name: '完了にする' }));
    // Completing cannot be taken back: asked first.
    await user.click(within(screen.getByRole('dialog', { name: /を完了にしますか/ })).getByRole('button', { name: '完了にする' }));
    expect(await within(card).findByText('完了', { selector: '[data-testid="theme-status"]' })).toBeInTheDocument();
    expect(posts(calls)).toEqual([
      '/api/v1/clusters/cluster-1/themes/theme-1/activate',
      '/api/v1/clusters/cluster-1/themes/theme-1/complete',
    ]);
    // A completed theme is the record: no more moves, no edits.
    expect(within(card).queryByRole('button', { name: /開始する|完了にする|中止する|編集/ })).not.toBeInTheDocument();
  });

  it('drops a proposed theme through /drop', async () => {
    const user = userEvent.setup();
    const calls = installFakeApi(themeApi(theme({ kind: 'joint_development', steps: [] })));
    session = renderAs(coordinator, <Section />);

    await user.click(await screen.findByRole('button', { name: '中止する' }));
    expect(posts(calls)).toEqual([]);
    await user.click(within(screen.getByRole('dialog', { name: /を中止しますか/ })).getByRole('button', { name: 'テーマを中止する' }));

    expect(await screen.findByText('中止')).toBeInTheDocument();
    expect(posts(calls)).toEqual(['/api/v1/clusters/cluster-1/themes/theme-1/drop']);
  });

  it("says why a move was refused, in the API's words", async () => {
    const user = userEvent.setup();
    installFakeApi({
      ...themeApi(theme()),
      'POST /api/v1/clusters/cluster-1/themes/theme-1/activate': () =>
        json({ status: 409, title: 'Conflict', detail: "The theme is dropped; 'activate' needs it proposed." }, 409),
    });
    session = renderAs(coordinator, <Section />);

    await user.click(await screen.findByRole('button', { name: '開始する' }));

    const alert = await screen.findByTestId('write-alert');
    expect(alert).toHaveAttribute('data-kind', 'conflict');
    expect(alert).toHaveTextContent("The theme is dropped; 'activate' needs it proposed.");
  });

  it('proposes a joint order with the value chain as its steps and a milestone', async () => {
    const user = userEvent.setup();
    let saved: Theme[] = [];
    const calls = installFakeApi({
      'GET /api/v1/clusters/cluster-1/themes': () => json(saved),
      'GET /api/v1/taxonomy/processes': () => json(processTerms),
      'POST /api/v1/clusters/cluster-1/themes': (call) => {
        const body = JSON.parse(call.body) as Theme;
        const created = theme({ id: 'theme-new', title: body.title, steps: body.steps, milestones: body.milestones });
        saved = [created];
        return json(created, 201);
      },
    });
    session = renderAs(coordinator, <Section />);

    await user.click(await screen.findByRole('button', { name: '新しいテーマを提案' }));
    const form = screen.getByRole('form', { name: '新しいテーマの内容' });
    expect(within(form).getByLabelText('共同受注')).toBeChecked();
    await user.type(within(form).getByLabelText(/テーマ名/), 'ブレーキ部品の共同受注');
    await user.click(within(form).getByRole('button', { name: 'バリューチェーンの工程を取り込む' }));
    expect(within(form).getAllByTestId('chosen-step').map((li) => li.getAttribute('data-code'))).toEqual([
      'forging.hot',
      'machining.turning',
      'surface.painting',
    ]);
    await user.click(within(form).getByRole('button', { name: 'マイルストーンを追加' }));
    await user.type(within(form).getByLabelText('マイルストーン 1'), '見積提出');
    await user.type(within(form).getByLabelText('マイルストーン 1 の期日'), '2030-07-01');
    await user.click(within(form).getByRole('button', { name: 'テーマを提案' }));

    expect(await screen.findByRole('heading', { name: 'ブレーキ部品の共同受注' })).toBeInTheDocument();
    const create = calls.find((c) => c.method === 'POST')!;
    expect(create.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(create.body)).toEqual({
      kind: 'joint_order',
      title: 'ブレーキ部品の共同受注',
      goal: null,
      steps: ['forging.hot', 'machining.turning', 'surface.painting'],
      milestones: [{ title: '見積提出', dueDate: '2030-07-01', done: false }],
    });
  });

  it('ticks a milestone off with If-Match, and says "changed meanwhile" on 412', async () => {
    const user = userEvent.setup();
    const calls = installFakeApi({
      ...themeApi(theme({ version: 4 })),
      'PUT /api/v1/clusters/cluster-1/themes/theme-1': () => json({ status: 412, title: 'Precondition Failed' }, 412),
    });
    session = renderAs(coordinator, <Section />);

    await user.click(await screen.findByRole('checkbox', { name: /見積提出/ }));

    expect(await screen.findByTestId('write-alert')).toHaveAttribute('data-kind', 'stale');
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.headers.get('If-Match')).toBe('"4"');
    expect(JSON.parse(put.body).milestones).toEqual([{ title: '見積提出', dueDate: '2030-06-01', done: true }]);
  });

  it("shows a member the themes without a coordinator's controls, and a visitor a sign-in link", async () => {
    installFakeApi(themeApi(theme()));
    session = renderAs(memberUser, <Section />);
    expect(await screen.findByTestId('theme')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /開始する|新しいテーマを提案|編集/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'コンソーシアム案を見る' })).toBeInTheDocument();
    session.dispose();
    cleanup();

    const calls = installFakeApi(themeApi(theme()));
    session = renderAs(null, <Section />);
    expect(screen.getByTestId('themes-sign-in')).toHaveTextContent('テーマはサインインした会員に公開されています。');
    expect(calls.filter((c) => c.url.pathname.includes('/themes'))).toHaveLength(0);
  });
});
