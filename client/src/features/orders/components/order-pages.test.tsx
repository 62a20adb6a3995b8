import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '@/lib/i18n';
import { json, member, problem } from '@/testing/fake-auth-api';
import { installFakeApi } from '@/testing/fake-registry-api';
import { order, route, supplierSiteA } from '@/testing/order-fixtures';
import { renderAs } from '@/testing/signed-in';
import { draftForSite } from '../order-draft';
import { OrderForm } from './order-form';
import { OrderSheetView } from './order-sheet';
import { RoutePage } from './route-page';
import { RouteTimeline } from './route-timeline';

const supplierUser = { ...member, id: 'supplier-1', role: 'supplier', supplierIds: [supplierSiteA] };

describe('the route timeline', () => {
  it('marks the late leg, where the parts are now and the expected arrival, in words', () => {
    render(
      <I18nProvider>
        <RouteTimeline route={route()} today="2030-05-16" />
      </I18nProvider>,
    );
    expect(screen.getByTestId('expected-arrival')).toHaveTextContent('到着予定 2030-05-28');
    expect(screen.getByTestId('current-leg')).toHaveTextContent('部品は今 工程 2 にあります');
    const [first, second] = screen.getAllByTestId('timeline-leg');
    expect(first).not.toHaveAttribute('data-late');
    expect(first).toHaveTextContent('出荷 2030-05-14');
    expect(second).toHaveAttribute('data-late', 'true');
    expect(within(second!).getByTestId('late')).toHaveTextContent('遅れ');
    expect(within(second!).getByTestId('parts-here')).toBeInTheDocument();
    expect(within(second!).getByTestId('order-status')).toHaveTextContent('作業中');
  });
});

describe('the route page', () => {
  it("gives the buyer each order's steps and receives with rejected parts and a reason", async () => {
    const calls = installFakeApi({
      'GET /api/v1/order-routes/route-1': () => json(route()),
      'GET /api/v1/orders/order-1/links': () => json([]),
      'GET /api/v1/orders/order-2/links': () => json([]),
      'POST /api/v1/orders/order-1/receipt': () => json(order({ status: 'received' })),
    });
    renderAs(member, <RoutePage id="route-1" />);

    const [first] = await screen.findAllByTestId('order-card');
    await userEvent.click(within(first!).getByRole('button', { name: '検収する' }));
    const form = within(first!).getByTestId('receipt-form');
    const rejected = within(form).getByLabelText('不合格の数');
    await userEvent.clear(rejected);
    await userEvent.type(rejected, '2');
    expect(within(form).getByTestId('accepted-quantity')).toHaveTextContent('101');
    await userEvent.type(within(form).getByLabelText('不合格の理由'), 'バリ');
    await userEvent.click(within(form).getByRole('button', { name: '検収する' }));

    await waitFor(() => expect(calls.some((c) => c.url.pathname === '/api/v1/orders/order-1/receipt')).toBe(true));
    const receipt = calls.find((c) => c.url.pathname === '/api/v1/orders/order-1/receipt')!;
    expect(JSON.parse(receipt.body)).toEqual({ acceptedQuantity: 101, rejectedQuantity: 2, reason: 'バリ' });
    expect(receipt.headers.get('If-Match')).toBe('"3"');
  });

  it('shows a stale write (412) beside the buttons with a way to reload', async () => {
    installFakeApi({
      'GET /api/v1/order-routes/route-1': () => json(route({ orders: [order({ status: 'draft' })], legs: 1 })),
      'GET /api/v1/orders/order-1/links': () => json([]),
      'POST /api/v1/orders/order-1/send': () => problem(412, '/problems/precondition-failed'),
    });
    renderAs(member, <RoutePage id="route-1" />);

    await userEvent.click(await screen.findByRole('button', { name: '注文を送付' }));
    expect(await screen.findByTestId('write-alert')).toHaveAttribute('data-kind', 'stale');
  });

  it("gives the supplier's account its own steps, not the buyer's", async () => {
    installFakeApi({ 'GET /api/v1/order-routes/route-1': () => json(route({ orders: [order()] })) });
    renderAs(supplierUser, <RoutePage id="route-1" />);

    const card = await screen.findByTestId('order-card');
    expect(within(card).getByTestId('supplier-panel')).toBeInTheDocument();
    expect(within(card).queryByTestId('buyer-panel')).not.toBeInTheDocument();
    expect(within(card).queryByTestId('response-links')).not.toBeInTheDocument();
  });
});

describe('the order form', () => {
  it('works out amounts, tax and total as the buyer types, and shows the service messages beside the fields', async () => {
    const calls = installFakeApi({
      'POST /api/v1/orders': () =>
        json(
          {
            type: '/problems/validation',
            title: 'Invalid',
            status: 422,
            errors: { 'legs[0].dueDate': ['納期は今日以降の日付にしてください。'], deliveryAddress: ['納入場所を入力してください。'] },
          },
          422,
        ),
    });
    render(
      <I18nProvider>
        <MemoryRouter>
          <OrderForm initial={draftForSite({ id: supplierSiteA, name: '豊田精工' }, new Date(2030, 4, 1, 9, 0))} />
        </MemoryRouter>
      </I18nProvider>,
    );

    const line = screen.getByTestId('order-form-line');
    await userEvent.type(within(line).getByLabelText('品名'), 'ブラケット');
    await userEvent.type(within(line).getByLabelText('数量'), '12');
    await userEvent.type(within(line).getByLabelText('単価（円）'), '10');
    expect(within(line).getByTestId('line-amount')).toHaveTextContent('¥120');
    expect(screen.getByTestId('form-total')).toHaveTextContent('¥132');

    await userEvent.click(screen.getByRole('button', { name: '注文を作成（下書き）' }));
    expect(await screen.findByText('納期は今日以降の日付にしてください。')).toBeInTheDocument();
    expect(screen.getByLabelText('納期')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('納入場所（住所）')).toHaveAttribute('aria-invalid', 'true');
    const create = calls.find((c) => c.url.pathname === '/api/v1/orders')!;
    expect(create.headers.get('Idempotency-Key')).toBeTruthy();
    expect(JSON.parse(create.body)).toMatchObject({
      requestId: null,
      legs: [{ supplierId: supplierSiteA, orderNumber: 'PO-20300501-0900', lines: [{ itemName: 'ブラケット', quantity: 12, unitPrice: 10, taxRate: 10 }] }],
    });
  });
});

describe('the printed 注文書', () => {
  it('carries the number, dates, lines with tax per rate, totals, both parties, the delivery place and the QR code', () => {
    const url = 'http://registry.test/respond#tok';
    render(
      <I18nProvider>
        <MemoryRouter>
          <OrderSheetView order={order()} kind="order" linkUrl={url} printedOn={new Date(2030, 4, 2)} />
        </MemoryRouter>
      </I18nProvider>,
    );
    const sheet = screen.getByTestId('order-sheet');
    expect(within(sheet).getByRole('heading', { level: 1 })).toHaveTextContent('注文書');
    expect(within(sheet).getByTestId('sheet-order-number')).toHaveTextContent('REQ-ABC123-1');
    expect(within(sheet).getByTestId('sheet-to')).toHaveTextContent('豊田精工 御中');
    expect(within(sheet).getByTestId('sheet-from')).toHaveTextContent('デモ機械製作所');
    expect(within(sheet).getByTestId('sheet-due')).toHaveTextContent('2030-05-20');
    expect(within(sheet).getByTestId('sheet-delivery')).toHaveTextContent('三河メッキ 愛知県岡崎市デモ町3-4');
    expect(within(sheet).getByTestId('sheet-total')).toHaveTextContent('¥138,976');
    expect(within(sheet).getAllByTestId('order-tax').map((row) => row.textContent)).toEqual([
      '10% 対象 ¥123,400 の消費税¥12,340',
      '8% 対象 ¥2,997 の消費税¥239',
    ]);
    expect(within(sheet).getByText('検査成績書')).toBeInTheDocument();
    expect(within(sheet).getByTestId('sheet-qr')).toHaveAttribute('data-text', url);
  });

  it('as 注文請書 goes from the supplier to the buyer, without the response QR code', () => {
    render(
      <I18nProvider>
        <MemoryRouter>
          <OrderSheetView order={order({ status: 'accepted', answeredAt: '2030-05-02T01:00:00Z' })} kind="acknowledgement" linkUrl={null} />
        </MemoryRouter>
      </I18nProvider>,
    );
    const sheet = screen.getByTestId('order-sheet');
    expect(within(sheet).getByRole('heading', { level: 1 })).toHaveTextContent('注文請書');
    expect(within(sheet).getByTestId('sheet-to')).toHaveTextContent('デモ機械製作所 御中');
    expect(within(sheet).getByTestId('sheet-from')).toHaveTextContent('豊田精工');
    expect(within(sheet).queryByTestId('sheet-qr')).not.toBeInTheDocument();
  });
});
