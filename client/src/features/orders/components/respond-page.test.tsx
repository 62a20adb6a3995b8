import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, problem } from '@/testing/fake-auth-api';
import { installFakeApi } from '@/testing/fake-registry-api';
import { order, route } from '@/testing/order-fixtures';
import { renderAs } from '@/testing/signed-in';
import { RespondPage } from './respond-page';

const token = 'tok_secret-123';

/** The response link as the supplier's firm sees it: its own order (leg 2) and the leg before it, without prices. */
const linkRoute = () =>
  route({
    orders: [route().orders[1]!],
    previous: {
      orderId: 'order-1',
      leg: 1,
      status: 'shipped',
      supplier: { supplierId: 'site-a', name: '豊田精工' },
      dueDate: '2030-05-20',
      expectedShipOn: '2030-05-14',
      late: false,
      shipments: [],
    },
  });

describe('the response page (/respond, no account)', () => {
  it('sends the token from the fragment in the Order-Link header only, and shows the order with the supplier steps', async () => {
    const sent = route().orders[1]!;
    const calls = installFakeApi({ 'GET /api/v1/order-link': () => json(linkRoute()) });
    renderAs(null, <RespondPage hash={`#${token}`} />);

    expect(await screen.findByRole('heading', { name: 'デモ機械製作所 からの注文' })).toBeInTheDocument();
    expect(screen.getByTestId('respond-previous')).toHaveTextContent('豊田精工');
    expect(screen.getByTestId('order-number')).toHaveTextContent(sent.orderNumber);
    const read = calls.find((c) => c.url.pathname === '/api/v1/order-link')!;
    expect(read.headers.get('Order-Link')).toBe(token);
    // Never in a URL (servers and proxies log those).
    expect(calls.every((c) => !c.url.href.includes(token))).toBe(true);
  });

  it('accepts through the link with the version it read', async () => {
    const sentRoute = route({ orders: [order({ status: 'sent' })] });
    const calls = installFakeApi({
      'GET /api/v1/order-link': () => json(sentRoute),
      'POST /api/v1/order-link/accept': () => json(order({ status: 'accepted', version: 4 })),
    });
    renderAs(null, <RespondPage hash={`#${token}`} />);

    await userEvent.click(await screen.findByRole('button', { name: '受注する' }));
    await waitFor(() => expect(calls.some((c) => c.url.pathname === '/api/v1/order-link/accept')).toBe(true));
    const accept = calls.find((c) => c.url.pathname === '/api/v1/order-link/accept')!;
    expect(accept.headers.get('If-Match')).toBe('"3"');
    expect(accept.headers.get('Order-Link')).toBe(token);
  });

  it('proposes another due date and quantities through the link', async () => {
    const calls = installFakeApi({
      'GET /api/v1/order-link': () => json(route({ orders: [order()] })),
      'POST /api/v1/order-link/propose': () => json(order({ status: 'proposed' })),
    });
    renderAs(null, <RespondPage hash={`#${token}`} />);

    await userEvent.click(await screen.findByRole('button', { name: '納期・数量の変更を提案' }));
    const form = screen.getByTestId('propose-form');
    await userEvent.type(within(form).getByLabelText('提案する納期'), '2030-06-10');
    const quantity = within(form).getByLabelText('ブラケット の数量（個）');
    await userEvent.clear(quantity);
    await userEvent.type(quantity, '80');
    await userEvent.click(within(form).getByRole('button', { name: '納期・数量の変更を提案' }));

    await waitFor(() => expect(calls.some((c) => c.url.pathname === '/api/v1/order-link/propose')).toBe(true));
    const body = JSON.parse(calls.find((c) => c.url.pathname === '/api/v1/order-link/propose')!.body) as unknown;
    expect(body).toEqual({ dueDate: '2030-06-10', quantities: [80, 3], note: null });
  });

  it('says the link is no longer valid when the service answers 410', async () => {
    installFakeApi({ 'GET /api/v1/order-link': () => problem(410, '/problems/link-gone') });
    renderAs(null, <RespondPage hash={`#${token}`} />);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'このリンクは無効です（期限切れまたは取り消し）。発注者に新しいリンクを依頼してください。',
    );
  });

  it('asks nothing of the service without a token', async () => {
    const calls = installFakeApi({});
    renderAs(null, <RespondPage hash="" />);

    expect(await screen.findByTestId('respond-invalid')).toBeInTheDocument();
    expect(calls.filter((c) => c.url.pathname.startsWith('/api/v1/order-link'))).toHaveLength(0);
  });
});
