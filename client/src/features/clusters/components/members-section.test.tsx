import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '@/lib/auth';
import { cluster, member, processTerms, supplierUser } from '@/testing/cluster-fixtures';
import { coordinator, json } from '@/testing/fake-auth-api';
import { installFakeApi } from '@/testing/fake-registry-api';
import { renderAs } from '@/testing/signed-in';
import { anonymousProfile } from '@/testing/fixtures';
import { useClusterViewer } from '../viewer';
import { MembersSection } from './members-section';

let session: Session | null = null;
afterEach(() => session?.dispose());

function Section({ onChanged = () => undefined }: { onChanged?: () => void }) {
  const shown = cluster();
  return <MembersSection cluster={shown} viewer={useClusterViewer(shown)} onChanged={onChanged} />;
}

const members = [
  member(),
  member({ supplierId: 'site-b', nameJa: '東郷精工', coveredSteps: [1], municipalityCode: '232025' }),
  member({ supplierId: 'site-c', nameJa: '三河塗装', status: 'applied', coveredSteps: [], joinedAt: null, note: '塗装ラインを新設予定' }),
];

describe("a cluster's members", () => {
  it('lists each member with the value-chain steps it covers and names the steps no member covers', async () => {
    installFakeApi({
      'GET /api/v1/clusters/cluster-1/members': () => json(members.slice(0, 2)),
      'GET /api/v1/taxonomy/processes': () => json(processTerms),
    });
    session = renderAs(null, <Section />);

    const rows = await screen.findAllByTestId('member-row');
    expect(rows).toHaveLength(2);
    const first = within(rows[0]!).getByTestId('covered-steps');
    expect(await within(first).findByText('工程 1（熱間鍛造）')).toBeInTheDocument();
    expect(within(first).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['工程 1（熱間鍛造）', '工程 2（旋盤加工）']);
    expect(within(within(rows[1]!).getByTestId('covered-steps')).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '工程 2（旋盤加工）',
    ]);
    const uncovered = screen.getByTestId('uncovered-steps');
    expect(uncovered).toHaveTextContent('メンバーが対応していない工程: 1 件');
    expect(uncovered).toHaveTextContent('工程 3（塗装）');
    expect(uncovered).not.toHaveTextContent('旋盤加工');
    // Visitors get no buttons and no applicants.
    expect(screen.queryByRole('button', { name: /の参加を承認|から外す/ })).not.toBeInTheDocument();
  });

  it("lets the cluster's coordinator accept an applicant and remove a member", async () => {
    const user = userEvent.setup();
    let listed = members;
    const calls = installFakeApi({
      'GET /api/v1/clusters/cluster-1/members': () => json(listed),
      'GET /api/v1/taxonomy/processes': () => json(processTerms),
      'POST /api/v1/clusters/cluster-1/members/site-c/accept': () => {
        listed = listed.map((m) => (m.supplierId === 'site-c' ? { ...m, status: 'member' as const } : m));
        return json(listed[2]);
      },
      'DELETE /api/v1/clusters/cluster-1/members/site-b': () => {
        listed = listed.filter((m) => m.supplierId !== 'site-b');
        return new Response(null, { status: 204 });
      },
    });
    let changed = 0;
    session = renderAs(coordinator, <Section onChanged={() => (changed += 1)} />);

    const applicant = (await screen.findAllByTestId('member-row'))[2]!;
    expect(within(applicant).getByTestId('membership')).toHaveTextContent('申請中');
    expect(applicant).toHaveTextContent('塗装ラインを新設予定');
    expect(screen.getAllByRole('button', { name: /の参加を承認$/ })).toHaveLength(1);

    await user.click(within(applicant).getByRole('button', { name: '三河塗装 の参加を承認' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: /の参加を承認$/ })).not.toBeInTheDocument());
    expect(calls.some((c) => c.method === 'POST' && c.url.pathname === '/api/v1/clusters/cluster-1/members/site-c/accept')).toBe(true);

    await user.click(screen.getByRole('button', { name: '東郷精工 をクラスターから外す' }));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    await user.click(within(screen.getByRole('dialog', { name: '「東郷精工」をクラスターから外しますか？' })).getByRole('button', { name: 'クラスターから外す' }));
    await waitFor(() => expect(screen.queryByText('東郷精工')).not.toBeInTheDocument());
    expect(calls.some((c) => c.method === 'DELETE' && c.url.pathname === '/api/v1/clusters/cluster-1/members/site-b')).toBe(true);
    expect(changed).toBe(2);
  });

  it('lets a supplier apply with one of its own published sites', async () => {
    const user = userEvent.setup();
    const calls = installFakeApi({
      'GET /api/v1/clusters/cluster-1/members': () => json(members.slice(0, 2)),
      'GET /api/v1/auth/me': () => json(supplierUser),
      'GET /api/v1/suppliers/site-z': () => json(anonymousProfile({ id: 'site-z', nameJa: '豊田塗装' })),
      'POST /api/v1/clusters/cluster-1/members': (call) =>
        json(member({ supplierId: 'site-z', nameJa: '豊田塗装', status: 'applied', coveredSteps: [2], note: JSON.parse(call.body).note }), 201),
    });
    session = renderAs(supplierUser, <Section />);

    const form = await screen.findByRole('form', { name: 'クラスターへの参加申請' });
    expect(within(form).getByLabelText('事業所')).toHaveValue('site-z');
    await user.type(within(form).getByLabelText('コーディネーターへのメモ（任意）'), '塗装を担えます');
    await user.click(within(form).getByRole('button', { name: '参加を申請' }));

    expect(await within(form).findByTestId('apply-result')).toHaveTextContent('豊田塗装 の参加を申請しました。');
    const apply = calls.find((c) => c.method === 'POST' && c.url.pathname === '/api/v1/clusters/cluster-1/members');
    expect(JSON.parse(apply!.body)).toEqual({ supplierId: 'site-z', note: '塗装を担えます' });
  });
});
