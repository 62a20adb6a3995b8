import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '@/lib/auth';
import type { Schemas } from '@/lib/api-client';
import { cluster, member, processTerms, supplierUser, theme } from '@/testing/cluster-fixtures';
import { coordinator, json } from '@/testing/fake-auth-api';
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

// The supplier account acts for site-z, a member; site-a and site-c are the other members, site-b only applied.
const members = [
  member(),
  member({ supplierId: 'site-z', nameJa: '精密加工', coveredSteps: [1] }),
  member({ supplierId: 'site-b', nameJa: '三河塗装', status: 'applied', coveredSteps: [] }),
  member({ supplierId: 'site-c', nameJa: '岡崎旋盤', coveredSteps: [1] }),
];
const proposedBy = { supplierId: 'site-z', nameJa: '精密加工' };
const invited = (supplierId: string, nameJa: string, status: Schemas['ThemeInvitationStatus'] = 'invited', more: Partial<Schemas['ThemeInvitation']> = {}) => ({
  supplierId,
  nameJa,
  status,
  ...more,
});

function api(themes: () => Theme[], more: Record<string, (call: Call) => Response> = {}) {
  return installFakeApi({
    'GET /api/v1/clusters/cluster-1/themes': () => json(themes()),
    'GET /api/v1/clusters/cluster-1/members': () => json(members),
    'GET /api/v1/auth/me': () => json(supplierUser),
    'GET /api/v1/taxonomy/processes': () => json(processTerms),
    ...more,
  });
}

const sent = (calls: Call[], method: string) => calls.find((c) => c.method === method)!;

describe('themes proposed by member firms', () => {
  it("proposes a joint order from the reader's member site, inviting other members but never itself", async () => {
    const user = userEvent.setup();
    let saved: Theme[] = [];
    const calls = api(() => saved, {
      'POST /api/v1/clusters/cluster-1/themes/proposals': (call) => {
        const body = JSON.parse(call.body) as Schemas['ThemeProposalInput'];
        saved = [
          theme({
            id: 'theme-new',
            title: body.title,
            steps: body.steps ?? [],
            milestones: [],
            participants: [{ supplierId: 'site-z', nameJa: '精密加工', joinedAt: '2030-05-01T00:00:00Z' }],
            proposedBy,
            invitations: (body.invitedSupplierIds ?? []).map((id) => invited(id, members.find((m) => m.supplierId === id)!.nameJa)),
          }),
        ];
        return json(saved[0], 201);
      },
    });
    session = renderAs(supplierUser, <Section />);

    await user.click(await screen.findByRole('button', { name: 'テーマを提案する' }));
    const form = screen.getByRole('form', { name: 'テーマの提案内容' });
    // Partners are the other accepted members: not its own site, not an applicant.
    expect(within(form).getAllByTestId('invitee').map((label) => label.textContent)).toEqual([
      expect.stringContaining('昭和鍛造'),
      expect.stringContaining('岡崎旋盤'),
    ]);
    expect(within(form).queryByRole('checkbox', { name: /精密加工/ })).not.toBeInTheDocument();
    await user.click(within(form).getByLabelText('共同受注'));
    await user.type(within(form).getByLabelText(/テーマ名/), 'EV シャフトの共同受注');
    await user.type(within(form).getByLabelText('目標'), '月 1,000 本');
    await user.click(within(form).getByRole('button', { name: 'バリューチェーンの工程を取り込む' }));
    await user.click(within(form).getByRole('checkbox', { name: /昭和鍛造/ }));
    await user.click(within(form).getByRole('button', { name: '提案する' }));

    const card = await screen.findByTestId('theme');
    expect(within(card).getByTestId('proposed-by')).toHaveTextContent('提案: 精密加工');
    expect(within(card).getByTestId('invitation')).toHaveTextContent('昭和鍛造');
    expect(within(card).getByTestId('invitation-status')).toHaveTextContent('回答待ち');
    expect(JSON.parse(sent(calls, 'POST').body)).toEqual({
      supplierId: 'site-z',
      kind: 'joint_order',
      title: 'EV シャフトの共同受注',
      goal: '月 1,000 本',
      steps: ['forging.hot', 'machining.turning', 'surface.painting'],
      invitedSupplierIds: ['site-a'],
      gatheringId: null,
    });
  });

  it('offers no proposal to an account whose sites are not members', async () => {
    // site-b only applied; it was invited once (before it left), so its answer shows when the reader's sites are known.
    const invitedOnce = theme({ proposedBy: { supplierId: 'site-a', nameJa: '昭和鍛造' }, invitations: [invited('site-b', '三河塗装')] });
    api(() => [invitedOnce], { 'GET /api/v1/auth/me': () => json({ ...supplierUser, supplierIds: ['site-b'] }) });
    session = renderAs({ ...supplierUser, supplierIds: ['site-b'] }, <Section />);

    expect(await screen.findByRole('button', { name: '承諾' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'テーマを提案する' })).not.toBeInTheDocument();
  });

  it("shows a returned proposal's reason; its proposer revises it with the theme's version and it is proposed again", async () => {
    const user = userEvent.setup();
    let current = theme({
      kind: 'joint_development',
      steps: [],
      milestones: [],
      status: 'returned',
      returnReason: '目標の数量と時期を書いてください。',
      proposedBy,
      invitations: [invited('site-a', '昭和鍛造', 'accepted', { answeredAt: '2030-05-02T00:00:00Z' }), invited('site-c', '岡崎旋盤')],
      version: 3,
    });
    const calls = api(() => [current], {
      'PUT /api/v1/clusters/cluster-1/themes/theme-1/proposal': (call) => {
        const body = JSON.parse(call.body) as Schemas['ThemeProposalInput'];
        current = { ...current, goal: body.goal, status: 'proposed', returnReason: null, version: 4 };
        return json(current);
      },
    });
    session = renderAs(supplierUser, <Section />);

    const card = await screen.findByTestId('theme');
    expect(within(card).getByTestId('theme-status')).toHaveTextContent('差し戻し');
    expect(within(card).getByTestId('return-reason')).toHaveTextContent('差し戻しの理由: 目標の数量と時期を書いてください。');
    expect(within(card).getAllByTestId('invitation-status').map((s) => s.textContent)).toEqual(['承諾', '回答待ち']);

    await user.click(within(card).getByRole('button', { name: '修正して再提案' }));
    const form = within(card).getByRole('form', { name: '提案の修正内容' });
    expect(within(form).getByLabelText('共同受注')).toBeDisabled();
    // An answered invitation keeps its answer; one still waiting may be taken back.
    expect(within(form).getByRole('checkbox', { name: /昭和鍛造/ })).toBeDisabled();
    await user.click(within(form).getByRole('checkbox', { name: /岡崎旋盤/ }));
    await user.clear(within(form).getByLabelText('目標'));
    await user.type(within(form).getByLabelText('目標'), '2031 年春までに試作 50 個');
    await user.click(within(form).getByRole('button', { name: '修正して再提案する' }));

    await waitFor(() => expect(within(screen.getByTestId('theme')).getByTestId('theme-status')).toHaveTextContent('提案中'));
    expect(within(screen.getByTestId('theme')).queryByTestId('return-reason')).not.toBeInTheDocument();
    const put = sent(calls, 'PUT');
    expect(put.headers.get('If-Match')).toBe('"3"');
    expect(JSON.parse(put.body)).toEqual({
      supplierId: 'site-z',
      kind: 'joint_development',
      title: 'EV シャフト共同受注',
      goal: '2031 年春までに試作 50 個',
      steps: null,
      invitedSupplierIds: ['site-a'],
      gatheringId: null,
    });
  });

  it('lets an invited member accept one invitation and decline another with the reason', async () => {
    const user = userEvent.setup();
    const byA = { supplierId: 'site-a', nameJa: '昭和鍛造' };
    let themes = [
      theme({ id: 'theme-1', title: '鍛造品の共同受注', proposedBy: byA, invitations: [invited('site-z', '精密加工'), invited('site-c', '岡崎旋盤')] }),
      theme({ id: 'theme-2', title: '共同配送', kind: 'joint_logistics', steps: [], proposedBy: byA, invitations: [invited('site-z', '精密加工')] }),
    ];
    const answer = (id: string, status: 'accepted' | 'declined') => (call: Call) => {
      const reason = call.body ? (JSON.parse(call.body) as { reason: string }).reason : null;
      themes = themes.map((t) =>
        t.id === id ? { ...t, invitations: t.invitations.map((i) => (i.supplierId === 'site-z' ? { ...i, status, reason, answeredAt: '2030-05-03T00:00:00Z' } : i)) } : t,
      );
      return json(themes.find((t) => t.id === id));
    };
    const calls = api(() => themes, {
      'POST /api/v1/clusters/cluster-1/themes/theme-1/invitations/site-z/accept': answer('theme-1', 'accepted'),
      'POST /api/v1/clusters/cluster-1/themes/theme-2/invitations/site-z/decline': answer('theme-2', 'declined'),
    });
    session = renderAs(supplierUser, <Section />);

    const [first, second] = await screen.findAllByTestId('theme');
    // Only its own site's invitation has the answers.
    const otherInvitation = within(first!).getAllByTestId('invitation').find((i) => i.dataset.supplier === 'site-c')!;
    expect(within(otherInvitation).queryByRole('button')).not.toBeInTheDocument();
    await user.click(await within(first!).findByRole('button', { name: '承諾' }));
    await waitFor(() => expect(within(first!).getAllByTestId('invitation-status')[0]).toHaveTextContent('承諾'));

    await user.click(within(second!).getByRole('button', { name: '辞退' }));
    const decline = within(second!).getByTestId('decline-form');
    await user.type(within(decline).getByLabelText(/辞退の理由/), '今期は設備が空いていないため');
    await user.click(within(decline).getByRole('button', { name: '辞退' }));

    await waitFor(() => expect(within(second!).getByTestId('invitation-reason')).toHaveTextContent('辞退の理由: 今期は設備が空いていないため'));
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url.pathname)).toEqual([
      '/api/v1/clusters/cluster-1/themes/theme-1/invitations/site-z/accept',
      '/api/v1/clusters/cluster-1/themes/theme-2/invitations/site-z/decline',
    ]);
    expect(JSON.parse(sent(calls, 'POST').body || 'null')).toBeNull();
    expect(JSON.parse(calls.filter((c) => c.method === 'POST')[1]!.body)).toEqual({ reason: '今期は設備が空いていないため' });
  });

  it("lets the cluster's coordinator return a member's proposal with the reason and the theme's version, or start it", async () => {
    const user = userEvent.setup();
    let current = theme({ proposedBy, version: 6 });
    const calls = installFakeApi({
      'GET /api/v1/clusters/cluster-1/themes': () => json([current, theme({ id: 'theme-own', title: 'コーディネーターのテーマ' })]),
      'GET /api/v1/taxonomy/processes': () => json(processTerms),
      'POST /api/v1/clusters/cluster-1/themes/theme-1/return': (call) => {
        current = { ...current, status: 'returned', returnReason: (JSON.parse(call.body) as { reason: string }).reason, version: 7 };
        return json(current);
      },
    });
    session = renderAs(coordinator, <Section />);

    const [proposal, own] = await screen.findAllByTestId('theme');
    // A coordinator's own theme is not a member's proposal: nothing to return.
    expect(within(own!).queryByRole('button', { name: '差し戻す' })).not.toBeInTheDocument();
    expect(within(proposal!).getByRole('button', { name: '開始する' })).toBeInTheDocument();
    await user.click(within(proposal!).getByRole('button', { name: '差し戻す' }));
    await user.type(within(proposal!).getByLabelText(/差し戻しの理由/), '参加企業を増やしてから再提案してください。');
    await user.click(within(within(proposal!).getByTestId('return-form')).getByRole('button', { name: '差し戻す' }));

    await waitFor(() => expect(within(proposal!).getByTestId('return-reason')).toHaveTextContent('参加企業を増やしてから再提案してください。'));
    expect(within(proposal!).getByTestId('theme-status')).toHaveTextContent('差し戻し');
    // A returned proposal waits for its proposer: it is not started, only dropped.
    expect(within(proposal!).queryByRole('button', { name: '開始する' })).not.toBeInTheDocument();
    expect(within(proposal!).getByRole('button', { name: '中止する' })).toBeInTheDocument();
    const returned = sent(calls, 'POST');
    expect(returned.headers.get('If-Match')).toBe('"6"');
    expect(JSON.parse(returned.body)).toEqual({ reason: '参加企業を増やしてから再提案してください。' });
  });
});
