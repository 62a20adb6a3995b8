import type { SuggestedFilter, SupplierSearchQuery } from '@/lib/api/suppliers';

/** The orders the API sorts a search by (the contract's `sort`). */
export type SupplierSort = NonNullable<SupplierSearchQuery['sort']>;
export const sorts = ['relevance', 'distance', 'name'] as const satisfies readonly SupplierSort[];

/**
 * A supplier search as the page (and its URL) holds it. Lists are AND-combined by the API; absent values do not
 * filter. The URL uses the same names (`?q=…&process=a&process=b&lat=…`), so a search can be shared and the back
 * button returns to the previous one.
 */
export interface SupplierFilters {
  q?: string;
  process: string[];
  material: string[];
  equipmentType?: string;
  equipmentMinSpec?: number;
  fitXMm?: number;
  fitYMm?: number;
  fitZMm?: number;
  toleranceUm?: number;
  certification: string[];
  qualification: string[];
  prefecture?: string;
  municipality?: string;
  /** A place (a municipality code) the radius and distances are measured from, instead of lat and lon. */
  near?: string;
  lat?: number;
  lon?: number;
  withinKm?: number;
  employeesMin?: number;
  employeesMax?: number;
  acceptsContractWork?: boolean;
  verifiedOnly?: boolean;
  sort?: SupplierSort;
}

export const emptyFilters: SupplierFilters = { process: [], material: [], certification: [], qualification: [] };

const listKeys = ['process', 'material', 'certification', 'qualification'] as const;
const textKeys = ['q', 'equipmentType', 'prefecture', 'municipality', 'near'] as const;
const numberKeys = ['equipmentMinSpec', 'fitXMm', 'fitYMm', 'fitZMm', 'toleranceUm', 'lat', 'lon', 'withinKm'] as const;
const integerKeys = ['employeesMin', 'employeesMax'] as const;
const flagKeys = ['acceptsContractWork', 'verifiedOnly'] as const;

/** The order of parameters in a URL the page writes, so that equal searches have equal URLs. */
const urlOrder = [
  'q',
  'process',
  'material',
  'equipmentType',
  'equipmentMinSpec',
  'fitXMm',
  'fitYMm',
  'fitZMm',
  'toleranceUm',
  'certification',
  'qualification',
  'prefecture',
  'municipality',
  'near',
  'lat',
  'lon',
  'withinKm',
  'employeesMin',
  'employeesMax',
  'acceptsContractWork',
  'verifiedOnly',
  'sort',
] as const satisfies readonly (keyof SupplierFilters)[];

function parseNumber(value: string | null): number | undefined {
  if (value === null || value.trim() === '') {
    return undefined;
  }
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/** Reads a search from URL parameters; values that do not parse (a typo in a shared link) are left out. */
export function parseFilters(params: URLSearchParams): SupplierFilters {
  const filters: SupplierFilters = { process: [], material: [], certification: [], qualification: [] };
  for (const key of listKeys) {
    filters[key] = [...new Set(params.getAll(key).map((v) => v.trim()).filter(Boolean))];
  }
  for (const key of textKeys) {
    const value = params.get(key)?.trim();
    if (value) {
      filters[key] = value;
    }
  }
  for (const key of numberKeys) {
    const value = parseNumber(params.get(key));
    if (value !== undefined) {
      filters[key] = value;
    }
  }
  for (const key of integerKeys) {
    const value = parseNumber(params.get(key));
    if (value !== undefined && Number.isInteger(value) && value >= 0) {
      filters[key] = value;
    }
  }
  for (const key of flagKeys) {
    const value = params.get(key);
    if (value === 'true' || value === '1') {
      filters[key] = true;
    }
  }
  const sort = params.get('sort');
  if (sort && (sorts as readonly string[]).includes(sort)) {
    filters.sort = sort as SupplierSort;
  }
  return filters;
}

/** Why a URL parameter cannot be used as it is. */
export type FilterProblemKind = 'notNumber' | 'notInteger' | 'notFlag' | 'unknownSort' | 'needsPoint' | 'needsBoth';

/** A parameter of the URL that does not say a search: its name, its value as written, and why. */
export interface FilterProblem {
  param: string;
  value: string;
  kind: FilterProblemKind;
}

/**
 * What is wrong with a search's URL parameters. parseFilters leaves such values out, which would widen the search
 * without saying so (`withinKm=abc` would search the whole registry): the page shows these instead and does not
 * search. A radius without its point, or half a point, is one too, for the same reason.
 */
export function filterProblems(params: URLSearchParams): FilterProblem[] {
  const problems: FilterProblem[] = [];
  const present = (key: string) => {
    const value = params.get(key);
    return value !== null && value.trim() !== '' ? value : null;
  };
  for (const key of numberKeys) {
    const value = present(key);
    if (value !== null && parseNumber(value) === undefined) {
      problems.push({ param: key, value, kind: 'notNumber' });
    }
  }
  for (const key of integerKeys) {
    const value = present(key);
    const number = parseNumber(value);
    if (value !== null && (number === undefined || !Number.isInteger(number) || number < 0)) {
      problems.push({ param: key, value, kind: 'notInteger' });
    }
  }
  for (const key of flagKeys) {
    const value = present(key);
    if (value !== null && !['true', '1', 'false', '0'].includes(value)) {
      problems.push({ param: key, value, kind: 'notFlag' });
    }
  }
  const sort = present('sort');
  if (sort !== null && !(sorts as readonly string[]).includes(sort)) {
    problems.push({ param: 'sort', value: sort, kind: 'unknownSort' });
  }
  const wrong = new Set(problems.map((p) => p.param));
  const lat = present('lat');
  const lon = present('lon');
  if ((lat === null) !== (lon === null) && !wrong.has('lat') && !wrong.has('lon')) {
    const missing = lat === null ? 'lat' : 'lon';
    problems.push({ param: missing, value: '', kind: 'needsBoth' });
  }
  const radius = present('withinKm');
  // A radius measures from a point, or from a place (near=豊田市's code or a postal code).
  if (radius !== null && !wrong.has('withinKm') && (lat === null || lon === null) && present('near') === null) {
    problems.push({ param: 'withinKm', value: radius, kind: 'needsPoint' });
  }
  return problems;
}

/** Writes a search as URL parameters, in a fixed order, leaving out what does not filter. */
export function filtersToParams(filters: SupplierFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of urlOrder) {
    const value = filters[key];
    if (Array.isArray(value)) {
      for (const item of value) {
        params.append(key, item);
      }
    } else if (typeof value === 'boolean') {
      if (value) {
        params.set(key, 'true');
      }
    } else if (typeof value === 'number') {
      params.set(key, String(value));
    } else if (typeof value === 'string' && value.trim() !== '') {
      params.set(key, value.trim());
    }
  }
  return params;
}

/** The search point, when both coordinates are set. */
export function searchPoint(filters: SupplierFilters): { lat: number; lon: number } | null {
  return filters.lat !== undefined && filters.lon !== undefined ? { lat: filters.lat, lon: filters.lon } : null;
}

/**
 * The API's query for a search (operation searchSuppliers). The point goes only as a pair (or, without one, the place
 * it is `near`), and the radius only with it; facets are asked for with the first page only.
 */
export function toSearchQuery(filters: SupplierFilters, page: { cursor?: string; limit: number }): SupplierSearchQuery {
  const point = searchPoint(filters);
  const query: SupplierSearchQuery = { limit: page.limit };
  const lists = {
    process: filters.process,
    material: filters.material,
    certification: filters.certification,
    qualification: filters.qualification,
  };
  for (const [key, value] of Object.entries(lists) as [keyof typeof lists, string[]][]) {
    if (value.length > 0) {
      query[key] = value;
    }
  }
  if (filters.q) query.q = filters.q;
  if (filters.equipmentType) {
    query.equipmentType = filters.equipmentType;
    if (filters.equipmentMinSpec !== undefined) query.equipmentMinSpec = filters.equipmentMinSpec;
  }
  if (filters.fitXMm !== undefined) query.fitXMm = filters.fitXMm;
  if (filters.fitYMm !== undefined) query.fitYMm = filters.fitYMm;
  if (filters.fitZMm !== undefined) query.fitZMm = filters.fitZMm;
  if (filters.toleranceUm !== undefined) query.toleranceUm = filters.toleranceUm;
  if (filters.prefecture) query.prefecture = filters.prefecture;
  if (filters.municipality) query.municipality = filters.municipality;
  if (point) {
    query.lat = point.lat;
    query.lon = point.lon;
    if (filters.withinKm !== undefined) query.withinKm = filters.withinKm;
  } else if (filters.near) {
    query.near = filters.near;
    if (filters.withinKm !== undefined) query.withinKm = filters.withinKm;
  }
  if (filters.employeesMin !== undefined) query.employeesMin = filters.employeesMin;
  if (filters.employeesMax !== undefined) query.employeesMax = filters.employeesMax;
  if (filters.acceptsContractWork) query.acceptsContractWork = true;
  if (filters.verifiedOnly) query.verifiedOnly = true;
  if (filters.sort && (filters.sort !== 'distance' || point || filters.near)) query.sort = filters.sort;
  if (page.cursor) {
    query.cursor = page.cursor;
  } else {
    query.facets = true;
  }
  return query;
}

/** Adds a code to a list filter, or takes it out when it is there (a facet clicked twice). */
export function toggleCode(
  filters: SupplierFilters,
  key: 'process' | 'certification' | 'material' | 'qualification',
  code: string,
): SupplierFilters {
  const list = filters[key];
  return { ...filters, [key]: list.includes(code) ? list.filter((c) => c !== code) : [...list, code] };
}

/**
 * The search with a suggested filter in place of the word it was suggested for: the word leaves the keywords (the
 * API compares words folded, so the typed word is the one whose fold is the suggestion's) and the term becomes a filter.
 */
export function filterInsteadOfWord(filters: SupplierFilters, suggestion: SuggestedFilter): SupplierFilters {
  const words = (filters.q ?? '').split(/\s+/).filter((word) => word !== '' && fold(word) !== suggestion.word);
  const next: SupplierFilters = { ...filters, q: words.length > 0 ? words.join(' ') : undefined };
  switch (suggestion.kind) {
    case 'processes':
      return next.process.includes(suggestion.code) ? next : { ...next, process: [...next.process, suggestion.code] };
    case 'materials':
      return next.material.includes(suggestion.code) ? next : { ...next, material: [...next.material, suggestion.code] };
    case 'certifications':
      return next.certification.includes(suggestion.code)
        ? next
        : { ...next, certification: [...next.certification, suggestion.code] };
    case 'equipment_types':
      return { ...next, equipmentType: suggestion.code };
    default:
      return next;
  }
}

/** The service's folding of a typed word (Text/TextFold): NFKC, lower case, katakana as hiragana. */
export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}
