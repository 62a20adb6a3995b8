import { describe, expect, it } from 'vitest';
import {
  emptyFilters,
  filterInsteadOfWord,
  filterProblems,
  filtersToParams,
  fold,
  parseFilters,
  toggleCode,
  toSearchQuery,
  type SupplierFilters,
} from './search-filters';

const full: SupplierFilters = {
  q: '精密 切削',
  process: ['machining.milling.5axis', 'joining.welding'],
  material: ['aluminium.a5052'],
  equipmentType: 'press.servo',
  equipmentMinSpec: 200,
  fitXMm: 500,
  fitYMm: 300.5,
  fitZMm: 120,
  toleranceUm: 5,
  certification: ['iso_9001'],
  qualification: ['welding.jis_z3801'],
  prefecture: '23',
  municipality: '232025',
  lat: 35.1,
  lon: 137.0,
  withinKm: 30,
  employeesMin: 10,
  employeesMax: 300,
  acceptsContractWork: true,
  verifiedOnly: true,
  sort: 'distance',
};

describe('search filters in the URL', () => {
  it('survive a round trip through the URL, every filter', () => {
    const url = `/suppliers?${filtersToParams(full).toString()}`;

    expect(parseFilters(new URL(url, 'http://registry.test').searchParams)).toEqual(full);
  });

  it('write repeated parameters for lists and leave out what does not filter', () => {
    const params = filtersToParams({ ...emptyFilters, process: ['a', 'b'], q: '  ', acceptsContractWork: false });

    expect(params.toString()).toBe('process=a&process=b');
  });

  it('write equal searches as equal URLs, whatever order they were typed in', () => {
    const a = parseFilters(new URLSearchParams('withinKm=30&lat=35.1&process=x&lon=137'));
    const b = parseFilters(new URLSearchParams('process=x&lon=137&withinKm=30&lat=35.1'));

    expect(filtersToParams(a).toString()).toBe(filtersToParams(b).toString());
    expect(filtersToParams(a).toString()).toBe('process=x&lat=35.1&lon=137&withinKm=30');
  });

  it('drop values of a shared link that do not parse', () => {
    const filters = parseFilters(
      new URLSearchParams('lat=north&withinKm=&employeesMin=2.5&employeesMax=-3&verifiedOnly=yes&sort=cheapest&process=&q=ok'),
    );

    expect(filters).toEqual({ ...emptyFilters, q: 'ok' });
  });

  it('read an empty URL as no filter at all', () => {
    expect(parseFilters(new URLSearchParams())).toEqual(emptyFilters);
    expect(filtersToParams(emptyFilters).toString()).toBe('');
  });

  it('drop duplicate codes', () => {
    expect(parseFilters(new URLSearchParams('certification=iso_9001&certification=iso_9001')).certification).toEqual(['iso_9001']);
  });
});

describe('the API query of a search', () => {
  it('names the contract parameters and asks for facets with the first page only', () => {
    const first = toSearchQuery(full, { limit: 20 });
    const next = toSearchQuery(full, { limit: 20, cursor: 'abc' });

    expect(first).toMatchObject({
      q: '精密 切削',
      process: ['machining.milling.5axis', 'joining.welding'],
      equipmentType: 'press.servo',
      equipmentMinSpec: 200,
      certification: ['iso_9001'],
      lat: 35.1,
      lon: 137,
      withinKm: 30,
      acceptsContractWork: true,
      verifiedOnly: true,
      sort: 'distance',
      limit: 20,
      facets: true,
    });
    expect(first.cursor).toBeUndefined();
    expect(next).toMatchObject({ cursor: 'abc' });
    expect(next.facets).toBeUndefined();
  });

  it('sends the point only as a pair, the radius only with it, and no distance order without it', () => {
    const query = toSearchQuery({ ...emptyFilters, lat: 35.1, withinKm: 30, sort: 'distance' }, { limit: 20 });

    expect(query.lat).toBeUndefined();
    expect(query.withinKm).toBeUndefined();
    expect(query.sort).toBeUndefined();
  });

  it('sends a minimum spec only with its equipment type', () => {
    expect(toSearchQuery({ ...emptyFilters, equipmentMinSpec: 200 }, { limit: 20 }).equipmentMinSpec).toBeUndefined();
  });
});

describe('a facet click', () => {
  it('adds a code, and takes it out again on a second click', () => {
    const once = toggleCode(emptyFilters, 'process', 'machining');
    const twice = toggleCode(once, 'process', 'machining');

    expect(once.process).toEqual(['machining']);
    expect(twice.process).toEqual([]);
  });
});

describe('a suggested filter in place of a word', () => {
  it('folds as the service does', () => {
    expect(fold('ﾒｯｷ')).toBe('めっき');
    expect(fold('ＹＡＭＡＤＡ')).toBe('yamada');
    expect(fold('ヤマダセイコウ')).toBe('やまだせいこう');
  });

  it('moves the word into the filter of its kind, once', () => {
    const filters = { ...emptyFilters, q: 'メッキ 豊田', process: ['surface.plating'] };

    expect(filterInsteadOfWord(filters, { word: 'めっき', kind: 'processes', code: 'surface.plating' })).toEqual({
      ...filters,
      q: '豊田',
      process: ['surface.plating'],
    });
    expect(filterInsteadOfWord({ ...emptyFilters, q: '旋盤' }, { word: '旋盤', kind: 'equipment_types', code: 'lathe' })).toEqual({
      ...emptyFilters,
      q: undefined,
      equipmentType: 'lathe',
    });
  });
});

describe('search parameters that do not say a search', () => {
  const problems = (query: string) => filterProblems(new URLSearchParams(query));

  it('are none for a search the page wrote', () => {
    expect(problems(filtersToParams(full).toString())).toEqual([]);
    expect(problems('')).toEqual([]);
  });

  it('name a value that is not a number, not a whole number, not a flag or not a sort order', () => {
    expect(problems('lat=35&lon=137&withinKm=abc&employeesMin=1.5&verifiedOnly=yes&sort=cheapest')).toEqual([
      { param: 'withinKm', value: 'abc', kind: 'notNumber' },
      { param: 'employeesMin', value: '1.5', kind: 'notInteger' },
      { param: 'verifiedOnly', value: 'yes', kind: 'notFlag' },
      { param: 'sort', value: 'cheapest', kind: 'unknownSort' },
    ]);
  });

  it('name a radius without its point, and half a point: either would widen the search unsaid', () => {
    expect(problems('withinKm=30')).toEqual([{ param: 'withinKm', value: '30', kind: 'needsPoint' }]);
    expect(problems('near=232114&withinKm=30')).toEqual([]);
    expect(problems('lat=35&withinKm=30')).toEqual([
      { param: 'lon', value: '', kind: 'needsBoth' },
      { param: 'withinKm', value: '30', kind: 'needsPoint' },
    ]);
  });
});

describe('a search near a place', () => {
  it('keeps the place in the URL and asks the API to measure from it, sorted by distance', () => {
    const filters = parseFilters(new URLSearchParams('near=232114&withinKm=30&sort=distance'));

    expect(filtersToParams(filters).toString()).toBe('near=232114&withinKm=30&sort=distance');
    expect(toSearchQuery(filters, { limit: 20 })).toEqual({ limit: 20, near: '232114', withinKm: 30, sort: 'distance', facets: true });
  });

  it('measures from coordinates when both are given, as the API would refuse both', () => {
    const query = toSearchQuery(parseFilters(new URLSearchParams('near=232114&lat=35&lon=137&withinKm=10')), { limit: 20 });

    expect(query).toMatchObject({ lat: 35, lon: 137, withinKm: 10 });
    expect(query.near).toBeUndefined();
  });
});
