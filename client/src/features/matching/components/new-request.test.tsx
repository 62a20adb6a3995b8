import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '@/lib/i18n';
import { json } from '@/testing/fake-auth-api';
import { installFakeApi, type Call } from '@/testing/fake-registry-api';
import { NewRequest } from './new-request';

function renderNewRequest() {
  const router = createMemoryRouter(
    [
      { path: '/matching/new', element: <NewRequest /> },
      { path: '/matching/:id', element: <h1>request page</h1> },
    ],
    { initialEntries: ['/matching/new'] },
  );
  render(
    <I18nProvider>
      <RouterProvider router={router} />
    </I18nProvider>,
  );
  return router;
}

const saved = {
  id: 'req-1',
  status: 'draft',
  version: 1,
  createdAt: '2030-05-01T03:00:00Z',
  updatedAt: '2030-05-01T03:00:00Z',
  request: {},
};

async function choose(user: ReturnType<typeof userEvent.setup>, picker: HTMLElement, text: string, option: string) {
  await user.type(within(picker).getByRole('combobox'), text);
  await user.click(await screen.findByRole('option', { name: new RegExp(option) }));
}

describe('a new matching request', () => {
  it('previews the steps in the order given and shows the ranked sites on the same page', async () => {
    const user = userEvent.setup();
    let previewed: Call | undefined;
    installFakeApi({
      'GET /api/v1/taxonomy/suggest': (call) =>
        json(
          [
            { kind: 'processes', code: 'machining.milling.5axis', label: '5軸加工', matched: '5軸' },
            { kind: 'processes', code: 'joining.welding.tig', label: 'TIG溶接', matched: 'TIG' },
          ].filter((term) => term.matched === call.url.searchParams.get('q')),
        ),
      'POST /api/v1/matching/preview': (call) => {
        previewed = call;
        return json({
          evaluatedAt: '2030-05-01T03:00:00Z',
          steps: [{ step: 0, processCode: 'joining.welding.tig', doable: false, candidates: [] }],
          chains: [],
        });
      },
    });
    renderNewRequest();

    await user.type(screen.getByLabelText('件名'), 'ブラケット');
    await choose(user, screen.getByTestId('picker-step-0-process'), '5軸', '5軸加工');
    await user.click(screen.getByRole('button', { name: '工程を追加' }));
    await choose(user, screen.getByTestId('picker-step-1-process'), 'TIG', 'TIG溶接');
    await user.click(screen.getByRole('button', { name: '工程 2 を上へ' }));
    await user.click(screen.getByRole('button', { name: 'プレビュー' }));

    expect(await screen.findByText('この地域では対応できる事業所がありません')).toBeInTheDocument();
    const body = JSON.parse(previewed!.body);
    expect(body.steps.map((s: { processCode: string }) => s.processCode)).toEqual(['joining.welding.tig', 'machining.milling.5axis']);
    expect(body).toMatchObject({ title: 'ブラケット', weights: { quality: 0.4, cost: 0.3, delivery: 0.3 } });
    expect(body.region).toEqual({ centre: { lat: 35.0826, lon: 137.156 }, radiusKm: 30 });
  });

  it("shows the API's messages next to the step fields and the weights", async () => {
    const user = userEvent.setup();
    installFakeApi({
      'POST /api/v1/matching/preview': () =>
        json(
          {
            status: 400,
            errors: {
              'steps[0].processCode': ['Not a known code (see /api/v1/taxonomy): .'],
              'steps[0].toleranceUm': ['The field ToleranceUm must be between 0.01 and 100000.'],
              weights: ['quality, cost and delivery must sum to 1.'],
            },
          },
          400,
        ),
    });
    renderNewRequest();

    await user.type(screen.getByLabelText('公差'), '0');
    await user.click(screen.getByRole('button', { name: 'プレビュー' }));

    expect(await screen.findByText('Not a known code (see /api/v1/taxonomy): .')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: '工程の種類' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('公差')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('The field ToleranceUm must be between 0.01 and 100000.')).toBeInTheDocument();
    expect(screen.getByText('quality, cost and delivery must sum to 1.')).toBeInTheDocument();
    expect(screen.getByTestId('write-alert')).toHaveAttribute('data-kind', 'invalid');
  });

  it('keeps the three weights at 100 % when one moves', async () => {
    installFakeApi({});
    renderNewRequest();

    // A drag or an arrow key ends in a change event with the slider's new value.
    fireEvent.change(screen.getByLabelText('品質 (Q)'), { target: { value: '70' } });

    expect(screen.getByTestId('weight-quality')).toHaveTextContent('70%');
    expect(screen.getByTestId('weight-cost')).toHaveTextContent('15%');
    expect(screen.getByTestId('weight-delivery')).toHaveTextContent('15%');
  });

  it('saves a draft with an Idempotency-Key and continues on its page', async () => {
    const user = userEvent.setup();
    let created: Call | undefined;
    installFakeApi({
      'POST /api/v1/matching-requests': (call) => {
        created = call;
        return json(saved, 201);
      },
    });
    const router = renderNewRequest();

    await user.type(screen.getByLabelText('件名'), 'ブラケット');
    await user.click(screen.getByRole('button', { name: '下書き保存' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/matching/req-1'));
    expect(created!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(created!.body)).toMatchObject({ title: 'ブラケット', visibility: 'public' });
  });
});
