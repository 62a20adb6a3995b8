import { filterProblems, type FilterProblem, type SupplierFilters, type SupplierSort } from './search-filters';

/** The filter panel's inputs as typed: numbers stay text until the search is applied. */
export interface FilterDraft {
  q: string;
  process: string[];
  certification: string[];
  equipmentType: string[];
  equipmentMinSpec: string;
  fitXMm: string;
  fitYMm: string;
  fitZMm: string;
  toleranceUm: string;
  prefecture: string;
  /** The municipality (6-digit code) the radius is around, instead of lat and lon. */
  near: string;
  lat: string;
  lon: string;
  withinKm: string;
  employeesMin: string;
  employeesMax: string;
  acceptsContractWork: boolean;
  verifiedOnly: boolean;
}

const text = (value: number | string | undefined) => (value === undefined ? '' : String(value));

export function draftFromFilters(filters: SupplierFilters): FilterDraft {
  return {
    q: text(filters.q),
    process: [...filters.process],
    certification: [...filters.certification],
    equipmentType: filters.equipmentType ? [filters.equipmentType] : [],
    equipmentMinSpec: text(filters.equipmentMinSpec),
    fitXMm: text(filters.fitXMm),
    fitYMm: text(filters.fitYMm),
    fitZMm: text(filters.fitZMm),
    toleranceUm: text(filters.toleranceUm),
    prefecture: text(filters.prefecture),
    near: text(filters.near),
    lat: text(filters.lat),
    lon: text(filters.lon),
    withinKm: text(filters.withinKm),
    employeesMin: text(filters.employeesMin),
    employeesMax: text(filters.employeesMax),
    acceptsContractWork: filters.acceptsContractWork ?? false,
    verifiedOnly: filters.verifiedOnly ?? false,
  };
}

function number(value: string): number | undefined {
  const trimmed = value.trim().replace(/,/g, '');
  if (trimmed === '') {
    return undefined;
  }
  const parsed = Number(trimmed);
  // A value that is not a number is sent as it is typed no further: the API would refuse it, and the panel keeps it.
  return Number.isFinite(parsed) ? parsed : undefined;
}

/**
 * The search the draft describes. Filters the panel does not show (material, qualification, municipality, sort) are
 * kept from `base`, the search on screen.
 */
export function filtersFromDraft(draft: FilterDraft, base: SupplierFilters): SupplierFilters {
  const filters: SupplierFilters = {
    process: draft.process,
    material: base.material,
    certification: draft.certification,
    qualification: base.qualification,
    municipality: base.municipality,
    sort: base.sort as SupplierSort | undefined,
  };
  const q = draft.q.trim();
  if (q) filters.q = q;
  if (draft.equipmentType[0]) {
    filters.equipmentType = draft.equipmentType[0];
    filters.equipmentMinSpec = number(draft.equipmentMinSpec);
  }
  filters.fitXMm = number(draft.fitXMm);
  filters.fitYMm = number(draft.fitYMm);
  filters.fitZMm = number(draft.fitZMm);
  filters.toleranceUm = number(draft.toleranceUm);
  if (draft.prefecture) filters.prefecture = draft.prefecture;
  if (draft.near) {
    filters.near = draft.near;
  } else {
    filters.lat = number(draft.lat);
    filters.lon = number(draft.lon);
  }
  filters.withinKm = number(draft.withinKm);
  filters.employeesMin = number(draft.employeesMin);
  filters.employeesMax = number(draft.employeesMax);
  if (draft.acceptsContractWork) filters.acceptsContractWork = true;
  if (draft.verifiedOnly) filters.verifiedOnly = true;
  for (const key of Object.keys(filters) as (keyof SupplierFilters)[]) {
    if (filters[key] === undefined) {
      delete filters[key];
    }
  }
  return filters;
}

// The panel's number fields, by the URL parameter each fills.
const numberFields = [
  'equipmentMinSpec',
  'fitXMm',
  'fitYMm',
  'fitZMm',
  'toleranceUm',
  'lat',
  'lon',
  'withinKm',
  'employeesMin',
  'employeesMax',
] as const satisfies readonly (keyof FilterDraft)[];

/**
 * What is wrong with the panel's numbers as typed — by the same rules as a URL's (filterProblems): a search is applied
 * only without any, instead of leaving a value out and searching wider than the user asked.
 */
export function draftProblems(draft: FilterDraft): FilterProblem[] {
  const params = new URLSearchParams();
  for (const key of numberFields) {
    const value = draft[key].trim().replace(/,/g, '');
    if (value !== '' && (key !== 'equipmentMinSpec' || draft.equipmentType[0])) {
      params.set(key, value);
    }
  }
  // The place chosen in the picker is the radius's centre as much as a point is.
  if (draft.near.trim() !== '') {
    params.set('near', draft.near.trim());
  }
  return filterProblems(params).map((problem) => ({ ...problem, value: draft[problem.param as (typeof numberFields)[number]] ?? problem.value }));
}

/** The panel filled from the URL, keeping values that do not parse as they were written, so the user sees them. */
export function draftFromUrl(filters: SupplierFilters, problems: readonly FilterProblem[]): FilterDraft {
  const draft = draftFromFilters(filters);
  for (const problem of problems) {
    if ((numberFields as readonly string[]).includes(problem.param) && problem.value) {
      draft[problem.param as (typeof numberFields)[number]] = problem.value;
    }
  }
  return draft;
}
