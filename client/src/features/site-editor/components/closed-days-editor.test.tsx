import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '@/lib/i18n';
import { json } from '@/testing/fake-auth-api';
import { installFakeApi } from '@/testing/fake-registry-api';
import type { SupplierCalendar } from '../api/calendar';
import { ClosedDaysEditor } from './closed-days-editor';

const id = '01a2268a-3bf5-7fc9-be46-13a8deec6a25';
const path = `/api/v1/suppliers/${id}/calendar`;

const calendar: SupplierCalendar = {
  supplierId: id,
  weeklyClosed: ['sunday', 'saturday'],
  closed: [{ from: '2026-08-13', to: '2026-08-16', everyYear: true, label: 'お盆休み' }],
  version: 3,
  updatedAt: '2026-11-01T00:00:00Z',
};

function renderEditor() {
  render(
    <I18nProvider>
      <ClosedDaysEditor supplierId={id} />
    </I18nProvider>,
  );
}

describe('the closed days of a site', () => {
  it('shows the weekly closed days and periods, and saves the changes with the version read', async () => {
    const user = userEvent.setup();
    const calls = installFakeApi({
      [`GET ${path}`]: () => json(calendar),
      [`PUT ${path}`]: (call) => json({ ...calendar, ...JSON.parse(call.body), version: 4 }),
    });
    renderEditor();

    const saturday = await screen.findByRole('checkbox', { name: '土曜日' });
    expect(saturday).toBeChecked();
    expect(screen.getByRole('checkbox', { name: '日曜日' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: '月曜日' })).not.toBeChecked();
    const [obon] = screen.getAllByTestId('closed-period');
    expect(within(obon!).getByLabelText('名称')).toHaveValue('お盆休み');
    expect(within(obon!).getByRole('checkbox', { name: '毎年' })).toBeChecked();

    // The site works Saturdays, and closes over the New Year every year.
    await user.click(saturday);
    await user.click(screen.getByRole('button', { name: '休業期間を追加' }));
    const added = screen.getAllByTestId('closed-period')[1]!;
    await user.type(within(added).getByLabelText('名称'), '年末年始');
    await user.type(within(added).getByLabelText('開始日'), '2026-12-29');
    await user.type(within(added).getByLabelText('終了日'), '2027-01-03');
    await user.click(screen.getByRole('button', { name: '保存' }));

    expect(await screen.findByText('休業日を保存しました。')).toBeInTheDocument();
    const put = calls.find((call) => call.method === 'PUT')!;
    expect(put.headers.get('If-Match')).toBe('"3"');
    expect(JSON.parse(put.body)).toEqual({
      weeklyClosed: ['sunday'],
      closed: [
        { from: '2026-08-13', to: '2026-08-16', everyYear: true, label: 'お盆休み' },
        { from: '2026-12-29', to: '2027-01-03', everyYear: true, label: '年末年始' },
      ],
    });
  });

  it("shows the API's messages next to the period fields they name", async () => {
    const user = userEvent.setup();
    installFakeApi({
      [`GET ${path}`]: () => json(calendar),
      [`PUT ${path}`]: () =>
        json(
          {
            type: '/problems/validation',
            title: '入力内容に誤りがあります',
            status: 400,
            errors: { 'closed[0].to': ['休業期間の終了日は開始日以降にしてください。'] },
          },
          400,
        ),
    });
    renderEditor();
    const [obon] = await screen.findAllByTestId('closed-period');

    await user.click(screen.getByRole('button', { name: '保存' }));

    const to = within(obon!).getByLabelText('終了日');
    await waitFor(() => expect(to).toHaveAttribute('aria-invalid', 'true'));
    expect(document.getElementById(to.getAttribute('aria-describedby')!)).toHaveTextContent('休業期間の終了日は開始日以降にしてください。');
    expect(screen.getByTestId('write-alert')).toHaveTextContent('入力内容を確認してください（1 件）。');
  });

  it('asks for the name and dates of a new period before saving', async () => {
    const user = userEvent.setup();
    const calls = installFakeApi({ [`GET ${path}`]: () => json({ ...calendar, closed: [], version: 0 }) });
    renderEditor();
    expect(await screen.findByTestId('closed-days-empty')).toHaveTextContent('休業期間は登録されていません。');

    await user.click(screen.getByRole('button', { name: '休業期間を追加' }));
    await user.click(screen.getByRole('button', { name: '保存' }));

    expect(await screen.findAllByText('入力してください。')).toHaveLength(3);
    expect(calls.filter((call) => call.method === 'PUT')).toHaveLength(0);
  });
});
