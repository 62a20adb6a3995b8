import { useSearchParams } from 'react-router';
import { ErrorState, LoadingState } from '@/components/async-state';
import { hasRole, useSessionState } from '@/lib/auth';
import { fieldErrors } from '@/lib/field-errors';
import { formatDateTime, useI18n, joinList } from '@/lib/i18n';
import { ApiError } from '@/lib/problem';
import { useTaxonomyLabels } from '@/lib/taxonomy';
import { useLoaded } from '@/lib/use-loaded';
import { getRegionCoverage } from '../api/get-region-coverage';
import { regionFromParams, regionKey, regionToParams } from '../region-query';
import { DemandGaps } from './demand-gaps';
import { FamilyCoverage } from './family-coverage';
import { GatheringFunnel } from './gathering-funnel';
import { Indicators } from './indicators';
import { MunicipalityCoverage } from './municipality-coverage';
import { OrderIndicators } from './order-indicators';
import { RegionFilter } from './region-filter';
import './analytics.css';

/**
 * The region's capability at a glance (DESIGN §1.3): coverage by process family and by municipality, the gaps, digital
 * readiness, certifications, qualified staff and contract work — for any region, from the public coverage endpoint;
 * and, for coordinators, the demand buyers' requests met too little supply for. Every table downloads as CSV.
 */
export function Dashboard() {
  const { t, language } = useI18n();
  const session = useSessionState();
  const coordinator = session.status === 'signed-in' && hasRole(session.user, ['coordinator', 'admin']);
  const [params, setParams] = useSearchParams();
  const query = regionFromParams(params);
  const key = regionKey(query);
  const coverage = useLoaded(`coverage-${key}`, (signal) => getRegionCoverage(query, signal));
  const labelOf = useTaxonomyLabels(['processes', 'certifications', 'qualifications', 'prefectures', 'industries']);
  const refused = coverage.state.kind === 'error' && coverage.state.error instanceof ApiError && coverage.state.error.status === 400;
  const errors = refused && coverage.state.kind === 'error' ? fieldErrors((coverage.state.error as ApiError).problem) : {};

  const regionText =
    [
      joinList(query.prefecture.map((code) => labelOf('prefectures', code)), language),
      query.lat !== undefined && query.lon !== undefined
        ? t('analytics.aroundPoint', { lat: query.lat, lon: query.lon, km: query.withinKm ?? '—' })
        : '',
    ]
      .filter(Boolean)
      .join(' / ') || t('analytics.wholeRegistry');

  return (
    <div className="analytics">
      <section className="card" aria-labelledby="analytics-heading">
        <h1 id="analytics-heading">{t('analytics.heading')}</h1>
        <p className="muted">{t('analytics.lead')}</p>
        <RegionFilter key={key} query={query} errors={errors} onApply={(next) => setParams(regionToParams(next))} />
      </section>
      {coverage.state.kind === 'loading' && <LoadingState />}
      {coverage.state.kind === 'error' && !refused && <ErrorState error={coverage.state.error} onRetry={coverage.reload} />}
      {coverage.state.kind === 'ready' && (
        <>
          <section className="card analytics__summary" aria-label={t('analytics.summary')} data-testid="analytics-summary">
            <p>
              <span className="muted">{t('analytics.regionShown')}</span> <strong data-testid="analytics-region">{regionText}</strong>
            </p>
            <ul className="analytics__figures">
              <li>
                <span className="analytics__figure">{coverage.state.data.indicators.publishedSites}</span>
                {t('analytics.publishedSites')}
              </li>
              <li>
                <span className="analytics__figure">{coverage.state.data.families.length - coverage.state.data.gaps.length}</span>
                {t('analytics.familiesCovered', { of: coverage.state.data.families.length })}
              </li>
              <li>
                <span className="analytics__figure analytics__figure--gap">{coverage.state.data.gaps.length}</span>
                {t('analytics.familiesMissing')}
              </li>
            </ul>
            <p className="muted analytics__computed">{t('analytics.computedAt', { at: formatDateTime(coverage.state.data.computedAt, language) })}</p>
          </section>
          <FamilyCoverage coverage={coverage.state.data} labelOf={labelOf} />
          <MunicipalityCoverage coverage={coverage.state.data} labelOf={labelOf} />
          <Indicators indicators={coverage.state.data.indicators} labelOf={labelOf} />
        </>
      )}
      {coordinator && <DemandGaps labelOf={labelOf} />}
      {coordinator && <OrderIndicators labelOf={labelOf} />}
      {coordinator && <GatheringFunnel />}
    </div>
  );
}
