import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '@/components/async-state';
import { SupplierMap, type LatLon, type MapPoint } from '@/components/map';
import { fieldErrors, type FieldErrors } from '@/lib/field-errors';
import { focusFirstError } from '@/lib/focus-first-error';
import { useI18n, type Translate } from '@/lib/i18n';
import { getPlaceCentre, useMunicipalityNames } from '@/lib/places';
import { ApiError } from '@/lib/problem';
import { useTaxonomyLabels } from '@/lib/taxonomy';
import { draftFromUrl, draftProblems, filtersFromDraft, type FilterDraft } from '../filter-draft';
import { useSupplierSearch } from '../hooks/use-supplier-search';
import {
  filterInsteadOfWord,
  filterProblems,
  filtersToParams,
  parseFilters,
  searchPoint,
  sorts,
  toggleCode,
  type FilterProblem,
  type SupplierFilters,
  type SupplierSort,
} from '../search-filters';
import { FacetPanel, type FacetGroup } from './facet-panel';
import { FilterPanel } from './filter-panel';
import { ResultList } from './result-list';
import './supplier-search.css';

/** The radius a map click uses when none is set yet. */
const defaultRadiusKm = 30;

/**
 * The supplier search: filters (kept in the URL, so a search can be shared and the back button works), facet counts,
 * the results a page at a time, and the results on an offline map where a click picks the search point.
 */
export function SupplierSearch() {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  // Values of the URL that do not say a search (withinKm=abc): said, and nothing is searched, rather than searching wider.
  const urlProblems = useMemo(() => filterProblems(params), [params]);
  // Equal searches have equal keys whatever order the URL had its parameters in.
  const key = useMemo(() => filtersToParams(filters).toString(), [filters]);
  const search = useSupplierSearch(filters, key, urlProblems.length === 0);
  const labelOf = useTaxonomyLabels(['processes', 'prefectures', 'certifications', 'materials', 'equipment_types']);
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const [draft, setDraft] = useState<FilterDraft>(() => draftFromUrl(filters, urlProblems));
  // What is wrong with the panel's numbers as typed, after "search": nothing is applied while there is any.
  const [panelProblems, setPanelProblems] = useState<FilterProblem[]>([]);
  const panel = useRef<HTMLElement>(null);

  // The panel follows the URL: after back/forward, a facet click or a shared link it shows the search on screen.
  useEffect(() => {
    setDraft(draftFromUrl(filters, urlProblems));
    setPanelProblems([]);
  }, [filters, urlProblems]);

  // A refused "search" moves focus to the first field to correct.
  useEffect(() => {
    if (panelProblems.length > 0 && panel.current) {
      focusFirstError(panel.current);
    }
  }, [panelProblems]);

  // A search near a place draws its circle around the place's centre (the API measures from the same point).
  const nearName = useMunicipalityNames([filters.near]);
  const [nearCentre, setNearCentre] = useState<LatLon | null>(null);
  useEffect(() => {
    setNearCentre(null);
    if (!filters.near) {
      return;
    }
    const controller = new AbortController();
    getPlaceCentre(filters.near, language, controller.signal).then(
      (found) => setNearCentre(found.centre),
      () => undefined,
    );
    return () => controller.abort();
  }, [filters.near, language]);

  function apply(next: SupplierFilters) {
    setParams(filtersToParams(next));
  }

  function submit() {
    const problems = draftProblems(draft);
    setPanelProblems(problems);
    if (problems.length === 0) {
      apply(filtersFromDraft(draft, filters));
    }
  }

  function pick(point: LatLon) {
    const next = filtersFromDraft({ ...draft, near: '' }, filters);
    next.lat = Math.round(point.lat * 100_000) / 100_000;
    next.lon = Math.round(point.lon * 100_000) / 100_000;
    next.withinKm ??= defaultRadiusKm;
    apply(next);
  }

  function toggleFacet(group: FacetGroup, code: string) {
    if (group === 'prefectures') {
      apply({ ...filters, prefecture: filters.prefecture === code ? undefined : code });
    } else {
      apply(toggleCode(filters, group === 'processFamilies' ? 'process' : 'certification', code));
    }
  }

  function facetActive(group: FacetGroup, code: string) {
    switch (group) {
      case 'prefectures':
        return filters.prefecture === code;
      case 'processFamilies':
        return filters.process.includes(code);
      case 'certifications':
        return filters.certification.includes(code);
    }
  }

  const state = search.state;
  const shownProblems = panelProblems.length > 0 ? panelProblems : urlProblems;
  const errors: FieldErrors =
    shownProblems.length > 0
      ? problemErrors(shownProblems, t)
      : // 422: a place the registry has no site in, so no centre to measure from; shown under the place like a 400's fields.
        state.kind === 'error' && state.error instanceof ApiError && (state.error.status === 400 || state.error.status === 422)
        ? fieldErrors(state.error.problem)
        : {};
  const items = state.kind === 'ready' ? state.items : [];
  const point = searchPoint(filters) ?? nearCentre;
  const circle = point && filters.withinKm ? { center: point, km: filters.withinKm } : null;
  const points: MapPoint[] = items.flatMap((item) =>
    item.location ? [{ id: item.id, position: item.location, label: item.nameJa }] : [],
  );

  return (
    <div className="search">
      <aside className="search__filters card" ref={panel}>
        <h2 className="card__title">{t('search.filters')}</h2>
        <FilterPanel
          draft={draft}
          onChange={setDraft}
          onSubmit={submit}
          onClear={() => apply({ process: [], material: [], certification: [], qualification: [] })}
          errors={errors}
        />
      </aside>
      <section className="search__main" aria-labelledby="search-results-heading">
        <div className="search__bar">
          <h2 id="search-results-heading" className="search__count" aria-live="polite">
            {search.facets ? t('search.total', { count: search.facets.total }) : t('search.results')}
          </h2>
          {filters.near && (
            <p className="search__region" data-testid="search-region">
              {filters.withinKm !== undefined
                ? t('places.fromCentre', { place: nearName(filters.near) ?? filters.near, km: filters.withinKm })
                : t('places.nearPlace', { place: nearName(filters.near) ?? filters.near })}
            </p>
          )}
          <label className="search__sort">
            {t('search.sort')}
            <select
              name="sort"
              value={filters.sort ?? ''}
              onChange={(event) => apply({ ...filters, sort: (event.target.value || undefined) as SupplierSort | undefined })}
            >
              <option value="">{t('search.sort.default')}</option>
              {sorts.map((sort) => (
                <option key={sort} value={sort} disabled={sort === 'distance' && !point && !filters.near}>
                  {t(`search.sort.${sort}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {search.facets && (
          <FacetPanel facets={search.facets} labelOf={labelOf} isActive={facetActive} onToggle={toggleFacet} />
        )}
        <SupplierMap
          points={points}
          label={t('map.resultsLabel', { count: points.length })}
          fitKey={`${key}|${state.kind}|${items.length}`}
          highlightedId={highlighted}
          onHighlight={setHighlighted}
          onActivate={(id) => void navigate(`/suppliers/${id}`)}
          circle={circle}
          pin={point && !circle ? point : null}
          onPick={pick}
          fallbackPrefecture={filters.prefecture}
        />
        {urlProblems.length > 0 && (
          <div className="form__alert" role="alert" data-testid="url-problems">
            <p>{t('search.urlProblems')}</p>
            <ul>
              {urlProblems.map((problem) => (
                <li key={`${problem.param}-${problem.kind}`} data-param={problem.param}>
                  {t('search.problemOf', { param: problem.param, label: paramLabel(problem.param, t), message: problemMessage(problem, t) })}
                </li>
              ))}
            </ul>
          </div>
        )}
        {urlProblems.length === 0 && state.kind === 'loading' && <LoadingState>{t('search.loading')}</LoadingState>}
        {state.kind === 'error' && <ErrorState error={state.error} onRetry={search.reload} />}
        {urlProblems.length === 0 && state.kind === 'ready' && state.items.length === 0 && (
          <EmptyState>
            {t('search.empty')}
            {search.suggestions.length > 0 && (
              <span className="search__suggestions" data-testid="search-suggestions">
                {t('search.suggestionsIntro')}
                {search.suggestions.map((suggestion) => (
                  <button
                    key={`${suggestion.word}|${suggestion.kind}|${suggestion.code}`}
                    type="button"
                    className="button button--small"
                    onClick={() => apply(filterInsteadOfWord(filters, suggestion))}
                  >
                    {t('search.hit', { kind: t(`search.hitKind.${suggestion.kind}`), label: labelOf(suggestion.kind, suggestion.code) })}
                  </button>
                ))}
              </span>
            )}
          </EmptyState>
        )}
        {state.kind === 'ready' && state.items.length > 0 && (
          <>
            <ResultList items={state.items} labelOf={labelOf} highlightedId={highlighted} onHighlight={setHighlighted} />
            <LoadMore
              count={state.items.length}
              hasMore={state.nextCursor !== null}
              more={state.more}
              onLoadMore={search.loadMore}
            />
          </>
        )}
      </section>
    </div>
  );
}

/** What a filter is called on screen, beside its URL name. */
function paramLabel(param: string, t: Translate): string {
  switch (param) {
    case 'lat':
      return t('search.lat');
    case 'lon':
      return t('search.lon');
    case 'withinKm':
      return t('search.withinKm');
    case 'toleranceUm':
      return t('search.tolerance');
    case 'equipmentMinSpec':
      return t('search.equipmentMinSpec');
    case 'fitXMm':
    case 'fitYMm':
    case 'fitZMm':
      return `${t('search.envelope')} ${param.charAt(3)}`;
    case 'employeesMin':
      return `${t('search.employees')} ${t('search.min')}`;
    case 'employeesMax':
      return `${t('search.employees')} ${t('search.max')}`;
    case 'acceptsContractWork':
      return t('search.acceptsContractWork');
    case 'verifiedOnly':
      return t('search.verifiedOnly');
    case 'sort':
      return t('search.sort');
    default:
      return param;
  }
}

function problemMessage(problem: FilterProblem, t: Translate): string {
  return t(`search.problem.${problem.kind}`, { value: problem.value });
}

/** The problems as messages under their fields (the panel's fields are named like the URL's parameters). */
function problemErrors(problems: readonly FilterProblem[], t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of problems) {
    errors[problem.param] = [...(errors[problem.param] ?? []), problemMessage(problem, t)];
  }
  return errors;
}
