import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '@/lib/auth';
import { json, problem } from '@/testing/fake-auth-api';
import { installFakeApi } from '@/testing/fake-registry-api';
import { anonymousProfile } from '@/testing/fixtures';
import { buyerUser, gathering, participant, supplierUser } from '@/testing/gathering-fixtures';
import { renderAs } from '@/testing/signed-in';
import { RegistrationForm } from './registration-form';

let session: Session | null = null;
afterEach(() => session?.dispose());

const requests = {
  items: [
    { id: 'req-1', status: 'open', request: { title: 'シャフト 旋盤→めっき', steps: [{ processCode: 'machining.milling' }] } },
    { id: 'req-2', status: 'draft', request: { title: 'ブラケット 溶接', steps: [{ processCode: 'joining.welding.tig' }] } },
  ],
  nextCursor: null,
};

describe('registering for a gathering', () => {
  it('sends a buyer its chosen requests and sessions', async () => {
    const user = userEvent.setup();
    const onRegistered = vi.fn();
    const calls = installFakeApi({
      'GET /api/v1/matching-requests': () => json(requests),
      'POST /api/v1/gatherings/g-1/participants': () => json(participant({ status: 'pending' }), 201),
    });
    session = renderAs(buyerUser, <RegistrationForm gathering={gathering()} roles={['buyer']} onRegistered={onRegistered} />);

    await user.click(await screen.findByRole('checkbox', { name: /ブラケット 溶接/ }));
    // Both sessions are ticked at first; the buyer comes in the afternoon only.
    await user.click(screen.getByRole('checkbox', { name: '午前の部（10:00〜11:00）' }));
    await user.type(screen.getByLabelText('主催者への連絡事項'), '2 名で参加します');
    await user.click(screen.getByRole('button', { name: '参加を申し込む' }));

    await waitFor(() => expect(onRegistered).toHaveBeenCalled());
    const sent = calls.find((c) => c.method === 'POST')!;
    expect(JSON.parse(sent.body)).toEqual({ role: 'buyer', sessions: [1], note: '2 名で参加します', requestIds: ['req-2'], needs: null });
  });

  it('sends a supplier its site, what it shows and the processes it demonstrates, from the site’s own', async () => {
    const user = userEvent.setup();
    const calls = installFakeApi({
      'GET /api/v1/auth/me': () => json(supplierUser),
      'GET /api/v1/suppliers/site-1': () => json(anonymousProfile({ id: 'site-1', nameJa: '山田精工' })),
      'POST /api/v1/gatherings/g-1/participants': () => json(participant({ role: 'supplier', status: 'pending' }), 201),
    });
    session = renderAs(supplierUser, <RegistrationForm gathering={gathering()} roles={['supplier', 'buyer']} onRegistered={() => undefined} />);

    await user.selectOptions(await screen.findByLabelText(/参加する事業所/), '山田精工');
    await user.type(screen.getByLabelText('展示・紹介する内容'), 'アルミ筐体のサンプル');
    await user.click(await screen.findByRole('checkbox', { name: '5軸加工' }));
    await user.click(screen.getByRole('button', { name: '参加を申し込む' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(JSON.parse(calls.find((c) => c.method === 'POST')!.body)).toEqual({
      role: 'supplier',
      sessions: [0, 1],
      note: null,
      supplierId: 'site-1',
      shows: 'アルミ筐体のサンプル',
      showProcesses: ['machining.milling.5axis'],
    });
  });

  it("shows the API's messages beside the fields they name", async () => {
    const user = userEvent.setup();
    installFakeApi({
      'GET /api/v1/matching-requests': () => json(requests),
      'POST /api/v1/gatherings/g-1/participants': () =>
        problem(400, '/problems/validation', { errors: { needs: ['発注側として参加するには、マッチング依頼か必要な工程を登録してください。'] } }),
    });
    session = renderAs(buyerUser, <RegistrationForm gathering={gathering()} roles={['buyer']} onRegistered={() => undefined} />);

    await screen.findAllByTestId('request-choice');
    await user.click(screen.getByRole('button', { name: '参加を申し込む' }));

    const needs = screen.getByRole('group', { name: 'ニーズ（工程）' });
    expect(await screen.findByText('発注側として参加するには、マッチング依頼か必要な工程を登録してください。')).toBeInTheDocument();
    expect(needs).toHaveTextContent('マッチング依頼か必要な工程を登録してください');
    expect(screen.getByTestId('write-alert')).toHaveAttribute('data-kind', 'invalid');
  });
});
