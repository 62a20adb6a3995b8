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

const suggestions = [
  { kind: 'processes', code: 'machining.milling.5axis', label: '5軸加工', matched: '5軸' },
  { kind: 'processes', code: 'joining.welding.tig', label: 'TIG溶接', matched: 'TIG' },
  { kind: 'materials', code: 'aluminium.a5052', label: 'A5052', matched: 'A5052' },
  { kind: 'certifications', code: 'iatf_16949', label: 'IATF 16949（自動車産業品質マネジメントシステム）', matched: 'IATF' },
];

/** The taxonomy suggestions of the fake API: the terms whose `matched` is the query. */
const suggest = (call: Call) => json(suggestions.filter((term) => term.matched === call.url.searchParams.get('q')));

async function choose(user: ReturnType<typeof userEvent.setup>, picker: HTMLElement, text: string, option: string) {
  await user.type(within(picker).getByRole('combobox'), text);
  await user.click(await screen.findByRole('option', { name: new RegExp(option) }));
}

describe('a new matching request', () => {
  it('previews the steps in the order given and shows the ranked sites on the same page', async () => {
    const user = userEvent.setup();
    let previewed: Call | undefined;
    installFakeApi({
      'GET /api/v1/taxonomy/suggest': suggest,
      'POST /api/v1/matching/preview': (call) => {
        previewed = call;
        return json({
          evaluatedAt: '2030-05-01T03:00:00Z',
          steps: [
            { step: 0, processCode: 'joining.welding.tig', doable: false, candidates: [] },
            {
              step: 1,
              processCode: 'machining.milling.5axis',
              doable: true,
              candidates: [
                { supplierId: 'site-a', nameJa: '豊田 精工', location: { lat: 35.08, lon: 137.15 }, verified: true, distanceKm: 2, score: 0.8, explanation: [] },
              ],
            },
          ],
          chains: [],
          deliveryPoint: { lat: 35.0826, lon: 137.156 },
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

    expect(await screen.findByText('地域内に工程 1 を行える事業所がありません: TIG溶接')).toBeInTheDocument();
    const body = JSON.parse(previewed!.body);
    expect(body.steps.map((s: { processCode: string }) => s.processCode)).toEqual(['joining.welding.tig', 'machining.milling.5axis']);
    expect(body).toMatchObject({ title: 'ブラケット', weights: { quality: 0.4, cost: 0.3, delivery: 0.3 } });
    expect(body.region).toEqual({ centre: { lat: 35.0826, lon: 137.156 }, radiusKm: 30, prefectures: [] });
    // A candidate's name opens its profile in a new tab: the unsaved preview stays.
    const profile = screen.getByRole('link', { name: /^豊田 精工\s*（新しいタブで開きます）$/ });
    expect(profile).toHaveAttribute('href', '/suppliers/site-a');
    expect(profile).toHaveAttribute('target', '_blank');
  });

  it('sends every field of the request: description, quantity, materials, workpiece, mass, certifications, QA, due date, prefectures', async () => {
    const user = userEvent.setup();
    let previewed: Call | undefined;
    installFakeApi({
      'GET /api/v1/taxonomy/suggest': suggest,
      'POST /api/v1/matching/preview': (call) => {
        previewed = call;
        return json({ evaluatedAt: '2030-05-01T03:00:00Z', steps: [], chains: [] });
      },
    });
    renderNewRequest();

    await user.type(screen.getByLabelText('件名'), 'ブラケット');
    await user.type(screen.getByLabelText('説明'), 'アルミのブラケット、アルマイト前');
    await choose(user, screen.getByTestId('picker-step-0-process'), '5軸', '5軸加工');
    await choose(user, screen.getByTestId('picker-step-0-materials'), 'A5052', 'A5052');
    await choose(user, screen.getByTestId('picker-step-0-certifications'), 'IATF', 'IATF 16949');
    await user.type(screen.getByLabelText('公差'), '20');
    await user.type(screen.getByLabelText('ワーク X'), '120');
    await user.type(screen.getByLabelText('ワーク Y'), '80');
    await user.type(screen.getByLabelText('ワーク Z'), '15.5');
    await user.type(screen.getByLabelText('質量'), '0.4');
    await user.type(screen.getByLabelText('数量'), '3000');
    await user.type(screen.getByLabelText('ロットサイズ'), '500');
    fireEvent.change(screen.getByLabelText('納期'), { target: { value: '2099-12-24' } });
    await user.click(screen.getByRole('checkbox', { name: '初品検査' }));
    await user.click(screen.getByRole('checkbox', { name: '検査成績書' }));
    await user.click(await screen.findByRole('checkbox', { name: '愛知県' }));
    await user.clear(screen.getByLabelText('半径'));
    await user.click(screen.getByRole('radio', { name: '招待した事業所のみ' }));
    expect(screen.getByTestId('prefectures-chosen')).toHaveTextContent('1 件選択');
    await user.click(screen.getByRole('button', { name: 'プレビュー' }));

    await waitFor(() => expect(previewed).toBeDefined());
    expect(JSON.parse(previewed!.body)).toEqual({
      title: 'ブラケット',
      description: 'アルミのブラケット、アルマイト前',
      steps: [
        {
          processCode: 'machining.milling.5axis',
          materialCodes: ['aluminium.a5052'],
          toleranceUm: 20,
          workpieceXMm: 120,
          workpieceYMm: 80,
          workpieceZMm: 15.5,
          massKg: 0.4,
          requiredCertifications: ['iatf_16949'],
        },
      ],
      quantity: 3000,
      lotSize: 500,
      dueDate: '2099-12-24',
      weights: { quality: 0.4, cost: 0.3, delivery: 0.3 },
      qualityAssurance: ['inspection_report', 'first_article_inspection'],
      region: { centre: { lat: 35.0826, lon: 137.156 }, radiusKm: null, prefectures: ['23'] },
      visibility: 'invited',
    });
  }, 15_000); // Types some forty fields: seconds on a loaded two-core machine.

  it('says what is wrong before asking the API: a missing title and process, a number out of range, a region without radius or prefectures', async () => {
    const user = userEvent.setup();
    const calls = installFakeApi({});
    renderNewRequest();

    await user.type(screen.getByLabelText('質量'), '0');
    await user.clear(screen.getByLabelText('半径'));
    await user.click(screen.getByRole('button', { name: 'プレビュー' }));

    expect(screen.getByTestId('write-alert')).toHaveAttribute('data-kind', 'invalid');
    expect(screen.getByLabelText('件名')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('combobox', { name: '工程の種類' })).toHaveAccessibleDescription('工程の種類を選んでください。');
    expect(screen.getByLabelText('質量')).toHaveAccessibleDescription('0.001 以上 1000000 以下で入力してください。');
    expect(screen.getByRole('group', { name: '地域' })).toHaveAccessibleDescription(
      '半径か都道府県のどちらか（または両方）を指定してください。',
    );
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
  });

  it("shows the API's messages next to the fields they name: step fields, weights, the region and its prefectures", async () => {
    const user = userEvent.setup();
    installFakeApi({
      'GET /api/v1/taxonomy/suggest': suggest,
      'POST /api/v1/matching/preview': () =>
        json(
          {
            status: 400,
            errors: {
              'steps[0].processCode': ['Not a known code (see /api/v1/taxonomy): machining.milling.5axis.'],
              'steps[0].materialCodes': ['Not a known code (see /api/v1/taxonomy): aluminium.a5052.'],
              'steps[0].toleranceUm': ['The field ToleranceUm must be between 0.01 and 100000.'],
              weights: ['quality, cost and delivery must sum to 1.'],
              region: ['Give a radius, prefectures, or both.'],
              'region.prefectures': ['Not a known code (see /api/v1/taxonomy): 23.'],
              'region.lat': ['The field Lat must be between 20 and 46.'],
              quantity: ['The field Quantity must be between 1 and 100000000.'],
              somethingElse: ['Not a field of the form.'],
            },
          },
          400,
        ),
    });
    renderNewRequest();

    await user.type(screen.getByLabelText('件名'), 'ブラケット');
    await choose(user, screen.getByTestId('picker-step-0-process'), '5軸', '5軸加工');
    await choose(user, screen.getByTestId('picker-step-0-materials'), 'A5052', 'A5052');
    await user.type(screen.getByLabelText('公差'), '5');
    await user.click(await screen.findByRole('checkbox', { name: '愛知県' }));
    await user.click(screen.getByRole('button', { name: 'プレビュー' }));

    const process = screen.getByRole('combobox', { name: '工程の種類' });
    expect(await screen.findByText('Not a known code (see /api/v1/taxonomy): machining.milling.5axis.')).toBeInTheDocument();
    expect(process).toHaveAttribute('aria-invalid', 'true');
    expect(process).toHaveAccessibleDescription('Not a known code (see /api/v1/taxonomy): machining.milling.5axis.');
    expect(screen.getByRole('combobox', { name: '材料' })).toHaveAccessibleDescription(
      'Not a known code (see /api/v1/taxonomy): aluminium.a5052.',
    );
    expect(screen.getByLabelText('公差')).toHaveAccessibleDescription('The field ToleranceUm must be between 0.01 and 100000.');
    expect(screen.getByLabelText('数量')).toHaveAccessibleDescription('The field Quantity must be between 1 and 100000000.');
    expect(screen.getByLabelText('中心の緯度')).toHaveAccessibleDescription('The field Lat must be between 20 and 46.');
    expect(screen.getByText('quality, cost and delivery must sum to 1.')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: '地域' })).toHaveAccessibleDescription('Give a radius, prefectures, or both.');
    expect(screen.getByRole('group', { name: /都道府県/ })).toHaveAccessibleDescription(
      'Not a known code (see /api/v1/taxonomy): 23.',
    );
    const alert = screen.getByTestId('write-alert');
    expect(alert).toHaveAttribute('data-kind', 'invalid');
    expect(alert).toHaveTextContent('somethingElse: Not a field of the form.');
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
      'GET /api/v1/taxonomy/suggest': suggest,
      'POST /api/v1/matching-requests': (call) => {
        created = call;
        return json(saved, 201);
      },
    });
    const router = renderNewRequest();

    await user.type(screen.getByLabelText('件名'), 'ブラケット');
    await choose(user, screen.getByTestId('picker-step-0-process'), '5軸', '5軸加工');
    await user.click(screen.getByRole('button', { name: '下書き保存' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/matching/req-1'));
    expect(created!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(created!.body)).toMatchObject({ title: 'ブラケット', visibility: 'public' });
  });
});
