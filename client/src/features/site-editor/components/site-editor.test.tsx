import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '@/lib/i18n';
import { json } from '@/testing/fake-auth-api';
import { anonymousProfile } from '@/testing/fixtures';
import { installFakeApi, type Call } from '@/testing/fake-registry-api';
import { SiteEditor } from './site-editor';

const id = '01a2268a-3bf5-7fc9-be46-13a8deec6a25';
const path = `/api/v1/suppliers/${id}`;

function ownerProfile(version = 7) {
  return anonymousProfile({
    canEdit: true,
    version,
    contact: { level: 'coordinators', hidden: false, name: 'デモ 担当', email: 'contact@demo.registry.example', phone: '053-218-2546' },
    staff: { level: 'members', hidden: false, items: [] },
    capacity: { level: 'members', hidden: false, contractAcceptance: 'open', spareCapacityPct: 30 },
    challenges: { level: 'coordinators', hidden: false, weaknesses: '大物部品', challenges: '若手の育成' },
  });
}

function renderEditor() {
  render(
    <I18nProvider>
      <MemoryRouter>
        <SiteEditor id={id} />
      </MemoryRouter>
    </I18nProvider>,
  );
}

/** The messages shown for the input labelled `label` (referenced by its aria-describedby). */
function messagesOf(label: string): string {
  const input = screen.getByLabelText(label);
  const describedBy = input.getAttribute('aria-describedby');
  return describedBy ? (document.getElementById(describedBy)?.textContent ?? '') : '';
}

describe('the site editor', () => {
  it("shows the API's validation messages next to the fields they name", async () => {
    const user = userEvent.setup();
    installFakeApi({
      [`GET ${path}`]: () => json(ownerProfile()),
      [`PUT ${path}`]: () =>
        json(
          {
            type: '/problems/validation',
            title: 'Invalid',
            status: 400,
            errors: {
              municipalityCode: ['The check digit of 232026 does not match.'],
              location: ['The location is outside Japan.'],
              'capacity.spareCapacityPct': ['The field SpareCapacityPct must be between 0 and 100.'],
              somethingElse: ['A message for no field of this form.'],
            },
          },
          400,
        ),
    });
    renderEditor();
    await screen.findByTestId('site-facts-form');

    await user.click(screen.getByRole('button', { name: '保存' }));

    await waitFor(() => expect(messagesOf('市区町村コード')).toBe('The check digit of 232026 does not match.'));
    expect(screen.getByLabelText('市区町村コード')).toHaveAttribute('aria-invalid', 'true');
    expect(messagesOf('空き能力')).toBe('The field SpareCapacityPct must be between 0 and 100.');
    expect(screen.getByTestId('site-facts-form')).toHaveTextContent('The location is outside Japan.');
    const alert = screen.getByTestId('write-alert');
    expect(alert).toHaveTextContent('入力内容を確認してください（4 件）。');
    expect(alert).toHaveTextContent('somethingElse: A message for no field of this form.');
    expect(messagesOf('事業所名 （必須）')).toBe('');
  });

  it('checks numbers before asking the API', async () => {
    const user = userEvent.setup();
    const calls = installFakeApi({ [`GET ${path}`]: () => json(ownerProfile()) });
    renderEditor();
    await screen.findByTestId('site-facts-form');

    await user.clear(screen.getByLabelText('従業員数'));
    await user.type(screen.getByLabelText('従業員数'), '百人');
    await user.click(screen.getByRole('button', { name: '保存' }));

    expect(messagesOf('従業員数')).toBe('整数を入力してください。');
    expect(calls.filter((call) => call.method === 'PUT')).toHaveLength(0);
  });

  it('saves the facts and disclosure with If-Match, counting its own part writes', async () => {
    const user = userEvent.setup();
    let put: Call | undefined;
    let post: Call | undefined;
    installFakeApi({
      [`GET ${path}`]: () => json(ownerProfile(8)),
      [`POST ${path}/equipment`]: (call) => {
        post = call;
        return json({ id: 'eq-1', typeCode: 'press.servo', count: 1, specValue: 200, specUnit: 'tf', version: 1 }, 201);
      },
      [`PUT ${path}`]: (call) => {
        put = call;
        return json(ownerProfile(9));
      },
    });
    renderEditor();
    await screen.findByTestId('site-facts-form');
    // The form was filled from version 8 … then another read (after the part was added) sees 8 still, as here.
    const equipment = screen.getByTestId('part-editor-equipment');
    await user.click(within(equipment).getByRole('button', { name: '設備を追加' }));
    await user.click(within(equipment).getByRole('button', { name: '追加' }));
    await within(equipment).findByRole('status');

    await user.click(within(screen.getByTestId('disclosure-contact')).getByLabelText('コーディネーターのみ'));
    await user.click(screen.getByRole('button', { name: '保存' }));

    await screen.findByTestId('saved');
    expect(post?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(put?.headers.get('If-Match')).toBe('"9"');
    expect(JSON.parse(put!.body)).toMatchObject({ nameJa: '山田精工', disclosure: { contact: 'coordinators' } });
  });

  it('tells the user to reload when the site changed meanwhile (412)', async () => {
    const user = userEvent.setup();
    let reads = 0;
    installFakeApi({
      [`GET ${path}`]: () => {
        reads += 1;
        return json(ownerProfile(reads === 1 ? 7 : 8));
      },
      [`PUT ${path}`]: () => json({ type: '/problems/precondition-failed', title: 'Stale', status: 412 }, 412),
    });
    renderEditor();
    await screen.findByTestId('site-facts-form');

    await user.click(screen.getByRole('button', { name: '保存' }));

    const alert = await screen.findByTestId('write-alert');
    expect(alert).toHaveAttribute('data-kind', 'stale');
    expect(alert).toHaveTextContent('他の人が変更しました');
    await user.click(within(alert).getByRole('button', { name: '再読み込み' }));
    await waitFor(() => expect(reads).toBe(2));
    await waitFor(() => expect(screen.queryByTestId('write-alert')).not.toBeInTheDocument());
  });

  it("shows a part's validation messages under that part's fields", async () => {
    const user = userEvent.setup();
    installFakeApi({
      [`GET ${path}`]: () => json(ownerProfile()),
      [`POST ${path}/capabilities`]: () =>
        json(
          {
            status: 400,
            errors: {
              processCode: ["'' is not a code of the Processes taxonomy (see /api/v1/taxonomy)."],
              'materialCodes[0]': ["'unobtainium' is not a code of the Materials taxonomy (see /api/v1/taxonomy)."],
            },
          },
          400,
        ),
    });
    renderEditor();
    const capabilities = await screen.findByTestId('part-editor-capabilities');

    await user.click(within(capabilities).getByRole('button', { name: '加工能力を追加' }));
    await user.click(within(capabilities).getByRole('button', { name: '追加' }));

    const form = await within(capabilities).findByTestId('part-form-capabilities');
    await waitFor(() =>
      expect(within(form).getByTestId('picker-materialCodes').parentElement).toHaveTextContent("'unobtainium' is not a code"),
    );
    expect(within(form).getByTestId('picker-processCode').parentElement).toHaveTextContent("'' is not a code of the Processes");
  });

  it('says a failed save next to the save button, announced, and moves focus to the first field with a message', async () => {
    const user = userEvent.setup();
    installFakeApi({
      [`GET ${path}`]: () => json(ownerProfile()),
      [`PUT ${path}`]: () =>
        json(
          {
            status: 400,
            errors: {
              'capacity.spareCapacityPct': ['空き能力は 0〜100 の範囲で入力してください。'],
              municipalityCode: ['市区町村コードのチェックディジットが一致しません。'],
            },
          },
          400,
        ),
    });
    renderEditor();
    await screen.findByTestId('site-facts-form');
    const save = screen.getByRole('button', { name: '保存' });

    await user.click(save);

    const alert = await screen.findByTestId('write-alert');
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent('入力内容を確認してください（2 件）。');
    // Right above the button the user pressed, not at the top of the long form.
    expect(alert.nextElementSibling).toContainElement(save);
    // The first field in reading order (the municipality comes before the capacity), with its message read with it.
    await waitFor(() => expect(screen.getByLabelText('市区町村コード')).toHaveFocus());
    expect(screen.getByLabelText('市区町村コード')).toHaveAccessibleDescription('市区町村コードのチェックディジットが一致しません。');
  });

  it('asks before removing a machine, and offers to add it back', async () => {
    const user = userEvent.setup();
    const machine = { id: 'eq-1', typeCode: 'press.servo', model: 'SDE-2025', count: 1, specValue: 200, specUnit: 'tf', year: 2019, version: 3 };
    let equipment = [machine];
    const deletes: Call[] = [];
    const posts: Call[] = [];
    installFakeApi({
      [`GET ${path}`]: () => json({ ...ownerProfile(), equipment: { level: 'public', hidden: false, items: equipment } }),
      [`DELETE ${path}/equipment/eq-1`]: (call) => {
        deletes.push(call);
        equipment = [];
        return new Response(null, { status: 204 });
      },
      [`POST ${path}/equipment`]: (call) => {
        posts.push(call);
        equipment = [{ ...machine, id: 'eq-2', version: 1 }];
        return json(equipment[0], 201);
      },
    });
    renderEditor();
    const section = await screen.findByTestId('part-editor-equipment');
    const remove = await within(section).findByRole('button', { name: 'サーボプレス SDE-2025 を削除' });

    // One click does not remove it: a dialog names what will go, and cancelling leaves it.
    await user.click(remove);
    const dialog = screen.getByRole('dialog', { name: '「サーボプレス SDE-2025」を削除しますか？' });
    await user.click(within(dialog).getByRole('button', { name: 'キャンセル' }));
    expect(deletes).toHaveLength(0);
    expect(within(section).getAllByTestId('part-row')).toHaveLength(1);

    await user.click(remove);
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: '削除する' }));
    const outcome = await within(section).findByTestId('part-outcome');
    expect(outcome).toHaveTextContent('サーボプレス SDE-2025 を削除しました。');
    expect(deletes).toHaveLength(1);
    await waitFor(() => expect(within(section).queryAllByTestId('part-row')).toHaveLength(0));

    // Undo adds the same machine again, from what the page still holds.
    await user.click(within(outcome).getByRole('button', { name: '元に戻す' }));
    await waitFor(() => expect(within(section).getByTestId('part-outcome')).toHaveTextContent('「サーボプレス SDE-2025」を元に戻しました。'));
    expect(posts).toHaveLength(1);
    expect(JSON.parse(posts[0]!.body)).toMatchObject({ typeCode: 'press.servo', model: 'SDE-2025', count: 1, specValue: 200, year: 2019 });
    expect(posts[0]!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() => expect(within(section).getAllByTestId('part-row')).toHaveLength(1));
  });
});
