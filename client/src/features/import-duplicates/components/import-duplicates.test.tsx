import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '@/lib/auth';
import { coordinator, json } from '@/testing/fake-auth-api';
import { installFakeApi, type Call } from '@/testing/fake-registry-api';
import { renderAs } from '@/testing/signed-in';
import type { ImportDuplicate } from '../api/list-import-duplicates';
import { ImportDuplicates } from './import-duplicates';

let session: Session | null = null;
afterEach(() => session?.dispose());

const byNumber: ImportDuplicate = {
  id: '019a1111-0000-7000-8000-000000000001',
  importId: '019a1111-0000-7000-8000-0000000000aa',
  row: 2,
  externalId: 'assoc-0042',
  nameJa: '三河熱処理株式会社',
  supplierId: '019a2222-0000-7000-8000-000000000001',
  supplierNameJa: '三河熱処理',
  reason: 'corporate_number',
  status: 'pending',
  createdAt: '2026-11-29T09:02:03Z',
};

const byName: ImportDuplicate = {
  ...byNumber,
  id: '019a1111-0000-7000-8000-000000000002',
  row: 7,
  externalId: 'assoc-0107',
  nameJa: '豊田精密板金',
  supplierId: '019a2222-0000-7000-8000-000000000002',
  supplierNameJa: '豊田精密板金工業',
  reason: 'similar_name_nearby',
};

const list = 'GET /api/v1/imports/duplicates';
const posts = (calls: Call[]) => calls.filter((c) => c.method === 'POST').map((c) => c.url.pathname);

function rowOf(name: string): HTMLElement {
  const row = screen.getAllByTestId('duplicate-row').find((r) => within(r).queryByText(name, { exact: true }));
  if (!row) {
    throw new Error(`no row for ${name}`);
  }
  return row;
}

describe('the import duplicates', () => {
  it('lists each held row with its external id, the site it resembles and why', async () => {
    installFakeApi({ [list]: () => json([byNumber, byName]) });
    session = renderAs(coordinator, <ImportDuplicates />);

    const rows = await screen.findAllByTestId('duplicate-row');
    expect(rows).toHaveLength(2);

    const first = rowOf('三河熱処理株式会社');
    expect(first).toHaveTextContent('外部 ID assoc-0042・2 行目');
    const existing = within(first).getByRole('link', { name: '三河熱処理' });
    expect(existing).toHaveAttribute('href', `/suppliers/${byNumber.supplierId}`);
    expect(within(first).getByTestId('duplicate-reason')).toHaveTextContent('法人番号が同じ');
    expect(first.querySelector('time')).toHaveAttribute('datetime', byNumber.createdAt);

    const second = rowOf('豊田精密板金');
    expect(second).toHaveTextContent('外部 ID assoc-0107・7 行目');
    expect(within(second).getByTestId('duplicate-reason')).toHaveTextContent('1 km 以内に似た名称');
    expect(within(second).getByRole('button', { name: '豊田精密板金 を 豊田精密板金工業 に統合' })).toBeInTheDocument();
    expect(within(second).getByRole('button', { name: '豊田精密板金 を別の事業所として登録' })).toBeInTheDocument();
  });

  it('merges a row only once confirmed, removes it and says what happened', async () => {
    const user = userEvent.setup();
    const calls = installFakeApi({
      [list]: () => json([byNumber, byName]),
      [`POST /api/v1/imports/duplicates/${byNumber.id}/merge`]: () => json({ ...byNumber, status: 'merged' }),
    });
    session = renderAs(coordinator, <ImportDuplicates />);

    await user.click(await screen.findByRole('button', { name: '三河熱処理株式会社 を 三河熱処理 に統合' }));
    const question = within(rowOf('三河熱処理株式会社')).getByRole('group');
    expect(question).toHaveTextContent('「三河熱処理株式会社」を既存の事業所「三河熱処理」に統合しますか？');
    expect(posts(calls)).toEqual([]);

    await user.click(within(question).getByRole('button', { name: '三河熱処理株式会社 を統合する' }));

    expect(await screen.findByTestId('duplicate-outcome')).toHaveTextContent(
      '「三河熱処理株式会社」を「三河熱処理」に統合しました。以後、外部 ID assoc-0042 の取り込みはこの事業所を更新します。',
    );
    expect(posts(calls)).toEqual([`/api/v1/imports/duplicates/${byNumber.id}/merge`]);
    // The focused button went with its row; the outcome takes the focus.
    expect(screen.getByTestId('duplicate-outcome')).toHaveFocus();
    expect(screen.getAllByTestId('duplicate-row')).toHaveLength(1);
    expect(screen.queryByText('三河熱処理株式会社', { exact: true })).not.toBeInTheDocument();
    expect(screen.getByText('豊田精密板金', { exact: true })).toBeInTheDocument();
  });

  it('dismisses a row as a site of its own, and says nothing waits once the last is gone', async () => {
    const user = userEvent.setup();
    const calls = installFakeApi({
      [list]: () => json([byName]),
      [`POST /api/v1/imports/duplicates/${byName.id}/dismiss`]: () => json({ ...byName, status: 'dismissed' }),
    });
    session = renderAs(coordinator, <ImportDuplicates />);

    await user.click(await screen.findByRole('button', { name: '豊田精密板金 を別の事業所として登録' }));
    expect(posts(calls)).toEqual([]);
    await user.click(screen.getByRole('button', { name: '豊田精密板金 を新しい事業所として登録する' }));

    expect(await screen.findByTestId('duplicate-outcome')).toHaveTextContent('「豊田精密板金」を別の事業所として登録しました。');
    expect(posts(calls)).toEqual([`/api/v1/imports/duplicates/${byName.id}/dismiss`]);
    expect(screen.queryByTestId('duplicate-row')).not.toBeInTheDocument();
    expect(screen.getByTestId('empty-state')).toHaveTextContent('確認を待っている重複候補はありません。');
  });

  it('sends nothing when the question is answered with cancel', async () => {
    const user = userEvent.setup();
    const calls = installFakeApi({ [list]: () => json([byNumber]) });
    session = renderAs(coordinator, <ImportDuplicates />);

    await user.click(await screen.findByRole('button', { name: '三河熱処理株式会社 を 三河熱処理 に統合' }));
    await user.click(screen.getByRole('button', { name: '三河熱処理株式会社 の操作をやめる' }));

    expect(screen.queryByRole('group')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '三河熱処理株式会社 を 三河熱処理 に統合' })).toBeInTheDocument();
    expect(posts(calls)).toEqual([]);
  });

  it("shows a refused merge's explanation next to its row, and keeps the row", async () => {
    const user = userEvent.setup();
    const detail = "The site already carries another integrator's external id, or the id is taken: dismiss instead.";
    installFakeApi({
      [list]: () => json([byNumber, byName]),
      [`POST /api/v1/imports/duplicates/${byNumber.id}/merge`]: () =>
        json({ type: '/problems/conflict', title: 'Conflict', status: 409, detail }, 409),
    });
    session = renderAs(coordinator, <ImportDuplicates />);

    await user.click(await screen.findByRole('button', { name: '三河熱処理株式会社 を 三河熱処理 に統合' }));
    await user.click(screen.getByRole('button', { name: '三河熱処理株式会社 を統合する' }));

    const row = rowOf('三河熱処理株式会社');
    expect(await within(row).findByTestId('write-alert')).toHaveTextContent(detail);
    expect(within(rowOf('豊田精密板金')).queryByTestId('write-alert')).not.toBeInTheDocument();
    expect(screen.getAllByTestId('duplicate-row')).toHaveLength(2);
    expect(screen.queryByTestId('duplicate-outcome')).not.toBeInTheDocument();
    // The other way out stays open.
    expect(within(row).getByRole('button', { name: '三河熱処理株式会社 を別の事業所として登録' })).toBeEnabled();
  });

  it('says when nothing waits', async () => {
    installFakeApi({ [list]: () => json([]) });
    session = renderAs(coordinator, <ImportDuplicates />);

    expect(await screen.findByTestId('empty-state')).toHaveTextContent('確認を待っている重複候補はありません。');
    expect(screen.queryByTestId('duplicates-table')).not.toBeInTheDocument();
  });

  it('says so when the list cannot be read', async () => {
    installFakeApi({ [list]: () => json({ status: 500, title: 'Oops', traceId: 't-9' }, 500) });
    session = renderAs(coordinator, <ImportDuplicates />);

    expect(await screen.findByTestId('error-state')).toHaveTextContent('t-9');
  });
});
