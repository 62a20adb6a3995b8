import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '@/lib/i18n';
import { json } from '@/testing/fake-auth-api';
import { installFakeApi, type Call } from '@/testing/fake-registry-api';
import { SupplierSearch } from './supplier-search';

const result = {
  items: [
    {
      id: '01a2268a-4711-7e69-8fa8-217e00d2f649',
      nameJa: '日東精工 第3工場',
      prefectureCode: '23',
      municipalityCode: '232360',
      location: { lat: 35.086906, lon: 137.064822 },
      processes: ['machining.milling.5axis'],
      certifications: ['iso_9001'],
      verified: true,
      distanceKm: 6.09,
      confirmedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    },
    {
      id: '01a2268a-3e8b-72c4-8e5c-72303f42c4e7',
      nameJa: '新明精工 第2工場',
      prefectureCode: '23',
      location: { lat: 35.084515, lon: 137.068823 },
      processes: ['machining.milling.5axis'],
      verified: false,
      distanceKm: 6.51,
      confirmedAt: new Date().toISOString(),
    },
  ],
  nextCursor: null,
  facets: {
    total: 2,
    processFamilies: [{ code: 'machining', count: 2 }],
    prefectures: [{ code: '23', count: 2 }],
    certifications: [{ code: 'iso_9001', count: 1 }],
  },
};

function setUp(url: string) {
  const searches: Call[] = [];
  installFakeApi({
    'GET /api/v1/suppliers': (call) => {
      searches.push(call);
      return json(result);
    },
  });
  const router = createMemoryRouter([{ path: '/suppliers', element: <SupplierSearch /> }], { initialEntries: [url] });
  render(
    <I18nProvider>
      <RouterProvider router={router} />
    </I18nProvider>,
  );
  return { router, searches };
}

const params = (router: ReturnType<typeof setUp>['router']) => new URLSearchParams(router.state.location.search);

describe('the supplier search and its URL', () => {
  it('searches for what the URL says and shows it in the panel', async () => {
    const { searches } = setUp('/suppliers?process=machining.milling.5axis&certification=iso_9001&lat=35.1&lon=137&withinKm=30');

    await screen.findAllByTestId('search-result');
    const query = searches[0]!.url.searchParams;
    expect(query.getAll('process')).toEqual(['machining.milling.5axis']);
    expect(query.getAll('certification')).toEqual(['iso_9001']);
    expect(query.get('lat')).toBe('35.1');
    expect(query.get('lon')).toBe('137');
    expect(query.get('withinKm')).toBe('30');
    expect(query.get('facets')).toBe('true');
    expect(screen.getByLabelText('緯度')).toHaveValue('35.1');
    expect(screen.getByLabelText('半径')).toHaveValue('30');
    expect(await within(screen.getByTestId('picker-process')).findByText('5軸加工')).toBeInTheDocument();
    expect(screen.getAllByTestId('map-point')).toHaveLength(2);
    expect(screen.getByTestId('map-circle')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '2 件' })).toBeInTheDocument();
  });

  it('puts a facet click and a submitted filter into the URL, and the back button returns to the search before', async () => {
    const user = userEvent.setup();
    const { router, searches } = setUp('/suppliers?process=machining.milling.5axis');
    await screen.findAllByTestId('search-result');

    await user.click(screen.getByRole('button', { name: /愛知県/ }));
    await waitFor(() => expect(params(router).get('prefecture')).toBe('23'));
    await waitFor(() => expect(searches.at(-1)!.url.searchParams.get('prefecture')).toBe('23'));
    expect(screen.getByRole('button', { name: /愛知県/ })).toHaveAttribute('aria-pressed', 'true');

    await user.type(screen.getByLabelText('キーワード'), '精密');
    await user.click(screen.getByRole('button', { name: '検索' }));
    await waitFor(() => expect(params(router).get('q')).toBe('精密'));
    expect(router.state.location.search).toBe(`?q=${encodeURIComponent('精密')}&process=machining.milling.5axis&prefecture=23`);

    await router.navigate(-1);
    await waitFor(() => expect(params(router).get('q')).toBeNull());
    expect(params(router).get('prefecture')).toBe('23');
    await waitFor(() => expect(screen.getByLabelText('キーワード')).toHaveValue(''));
    await waitFor(() => expect(searches.at(-1)!.url.searchParams.get('q')).toBeNull());

    await router.navigate(-1);
    await waitFor(() => expect(params(router).get('prefecture')).toBeNull());
    await waitFor(() => expect(screen.getByRole('button', { name: /愛知県/ })).toHaveAttribute('aria-pressed', 'false'));
  });

  it('orders by distance only when there is a point', async () => {
    const user = userEvent.setup();
    const { router } = setUp('/suppliers?lat=35.1&lon=137');
    await screen.findAllByTestId('search-result');

    await user.selectOptions(screen.getByRole('combobox', { name: '並び順' }), 'distance');

    await waitFor(() => expect(params(router).get('sort')).toBe('distance'));
    await user.click(screen.getByRole('button', { name: '地点を解除' }));
    await user.click(screen.getByRole('button', { name: '検索' }));
    await waitFor(() => expect(params(router).get('lat')).toBeNull());
    expect(screen.getByRole('option', { name: '距離が近い順' })).toBeDisabled();
  });

  it('shows the results: distance, freshness, verification, certifications the caller may not see', async () => {
    setUp('/suppliers');

    const [first, second] = await screen.findAllByTestId('search-result');
    expect(first).toHaveTextContent('6.1 km');
    expect(first).toHaveTextContent('3 日前に確認');
    expect(within(first!).getByTestId('verified-badge')).toHaveTextContent('確認済み');
    expect(second).toHaveTextContent('本日確認');
    expect(second).toHaveTextContent('認証: 非公開');
  });

  it('says through which term a keyword found a site', async () => {
    installFakeApi({
      'GET /api/v1/suppliers': () =>
        json({
          ...result,
          items: [{ ...result.items[0], keywordHits: [{ word: 'tig', kind: 'processes', code: 'joining.welding.tig' }] }],
        }),
    });
    setUp2('/suppliers?q=TIG');

    expect(await screen.findByTestId('keyword-hits')).toHaveTextContent('工程: TIG溶接');
  });

  it('offers the filter a word names when nothing is found, in place of the word', async () => {
    const user = userEvent.setup();
    const searches: Call[] = [];
    installFakeApi({
      'GET /api/v1/suppliers': (call) => {
        searches.push(call);
        return json({ items: [], suggestions: [{ word: 'tig', kind: 'processes', code: 'joining.welding.tig' }] });
      },
    });
    const router = createMemoryRouter([{ path: '/suppliers', element: <SupplierSearch /> }], {
      initialEntries: ['/suppliers?q=%EF%BC%B4%EF%BC%A9%EF%BC%A7+%E8%B1%8A%E7%94%B0'],
    });
    render(
      <I18nProvider>
        <RouterProvider router={router} />
      </I18nProvider>,
    );

    const offer = await screen.findByTestId('search-suggestions');
    await user.click(within(offer).getByRole('button', { name: '工程: TIG溶接' }));

    // ＴＩＧ (full-width) folds to the suggestion's word and leaves the keywords; 豊田 stays.
    await waitFor(() => expect(router.state.location.search).toBe('?q=%E8%B1%8A%E7%94%B0&process=joining.welding.tig'));
  });

  it('says when nothing matches, and what went wrong when the search failed', async () => {
    installFakeApi({ 'GET /api/v1/suppliers': () => json({ items: [], facets: { ...result.facets, total: 0 } }) });
    const router = createMemoryRouter([{ path: '/suppliers', element: <SupplierSearch /> }], { initialEntries: ['/suppliers'] });
    const { unmount } = render(
      <I18nProvider>
        <RouterProvider router={router} />
      </I18nProvider>,
    );
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('条件に合う事業所はありません');
    unmount();

    installFakeApi({
      'GET /api/v1/suppliers': () =>
        json({ status: 400, title: 'Invalid', errors: { withinKm: ['WithinKm must be between 0.1 and 2000.'] } }, 400),
    });
    setUp2('/suppliers?lat=35&lon=137&withinKm=5000');
    expect(await screen.findByTestId('error-state')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('半径')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('WithinKm must be between 0.1 and 2000.')).toBeInTheDocument();
  });
});

function setUp2(url: string) {
  const router = createMemoryRouter([{ path: '/suppliers', element: <SupplierSearch /> }], { initialEntries: [url] });
  render(
    <I18nProvider>
      <RouterProvider router={router} />
    </I18nProvider>,
  );
}

describe('a search the URL or the panel cannot say', () => {
  it('names a URL filter that does not parse and searches nothing, instead of searching the whole registry', async () => {
    const { searches } = setUp('/suppliers?process=machining&lat=35.1&lon=137&withinKm=abc');

    const problems = await screen.findByTestId('url-problems');
    expect(problems).toHaveAttribute('role', 'alert');
    expect(problems).toHaveTextContent('検索していません');
    expect(within(problems).getByRole('listitem')).toHaveTextContent('withinKm（半径）: 「abc」は数値ではありません。');
    // The panel shows the value as written, with the message under it.
    expect(screen.getByLabelText('半径')).toHaveValue('abc');
    expect(screen.getByLabelText('半径')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByTestId('search-result')).not.toBeInTheDocument();
    expect(screen.queryByTestId('empty-state')).not.toBeInTheDocument();
    expect(searches).toHaveLength(0);
  });

  it('searches once the filter is corrected in the panel', async () => {
    const user = userEvent.setup();
    const { router, searches } = setUp('/suppliers?lat=35.1&lon=137&withinKm=abc');
    await screen.findByTestId('url-problems');

    await user.clear(screen.getByLabelText('半径'));
    await user.type(screen.getByLabelText('半径'), '20');
    await user.click(screen.getByRole('button', { name: '検索' }));

    await screen.findAllByTestId('search-result');
    expect(params(router).get('withinKm')).toBe('20');
    expect(searches).toHaveLength(1);
    expect(searches[0]!.url.searchParams.get('withinKm')).toBe('20');
    expect(screen.queryByTestId('url-problems')).not.toBeInTheDocument();
  });

  it('does not apply a radius typed in the panel that is not a number: says so and moves focus to it', async () => {
    const user = userEvent.setup();
    const { router, searches } = setUp('/suppliers?lat=35.1&lon=137&withinKm=30');
    await screen.findAllByTestId('search-result');

    await user.clear(screen.getByLabelText('半径'));
    await user.type(screen.getByLabelText('半径'), '３０キロ');
    await user.click(screen.getByRole('button', { name: '検索' }));

    expect(screen.getByLabelText('半径')).toHaveFocus();
    expect(screen.getByLabelText('半径')).toHaveAccessibleDescription('「３０キロ」は数値ではありません。');
    expect(params(router).get('withinKm')).toBe('30');
    expect(searches).toHaveLength(1);
  });
});
