import { formatDateTime, formatNumber, useI18n, joinList } from '@/lib/i18n';
import { useRegionLabel } from '@/lib/places';
import { useTaxonomyLabels } from '@/lib/taxonomy';
import type { MatchingRequest } from '../api/types';
import { qualityAssuranceKinds } from '../request-draft';
import { StatusBadge } from './status-badge';

/**
 * What a saved request asks for: its steps, quantities, due date, quality assurance, region and visibility; with its
 * state and when it was made unless the place it is shown says those already (`withState` false).
 */
export function RequestSummary({ saved, withState = true }: { saved: MatchingRequest; withState?: boolean }) {
  const { t, language } = useI18n();
  const labelOf = useTaxonomyLabels(['processes', 'materials', 'prefectures']);
  const request = saved.request;
  const regionLabel = useRegionLabel([request.region]);
  const given = (value: string | number | null | undefined) =>
    value === null || value === undefined || value === '' ? t('matching.notGiven') : typeof value === 'number' ? formatNumber(value, language, 3) : value;
  const qa = qualityAssuranceKinds.filter((kind) => request.qualityAssurance?.includes(kind));
  const region = request.region;
  const placed = regionLabel(region);
  const regionParts = [
    ...(placed
      ? [placed]
      : [
          ...(region.centre ? [t('matching.regionSummary', { lat: region.centre.lat, lon: region.centre.lon })] : []),
          ...(region.radiusKm ? [t('matching.radiusSummary', { km: formatNumber(region.radiusKm, language) })] : []),
        ]),
    ...(region.prefectures ?? []).map((code) => labelOf('prefectures', code)),
  ];

  return (
    <dl className="details request-summary" data-testid="request-summary">
      {withState && (
        <>
          <dt>{t('matching.status')}</dt>
          <dd>
            <StatusBadge status={saved.status} />
          </dd>
        </>
      )}
      <dt>{t('matching.steps')}</dt>
      <dd>
        <ol className="details__list">
          {request.steps.map((step, i) => (
            <li key={i} data-testid="summary-step">
              {labelOf('processes', step.processCode)}
              {step.materialCodes && step.materialCodes.length > 0 && (
                <> — {joinList(step.materialCodes.map((code) => labelOf('materials', code)), language)}</>
              )}
            </li>
          ))}
        </ol>
      </dd>
      {request.description && (
        <>
          <dt>{t('matching.description')}</dt>
          <dd className="request-summary__text">{request.description}</dd>
        </>
      )}
      <dt>{t('matching.quantity')}</dt>
      <dd data-testid="summary-quantity">{given(request.quantity)}</dd>
      <dt>{t('matching.lotSize')}</dt>
      <dd>{given(request.lotSize)}</dd>
      <dt>{t('matching.dueDate')}</dt>
      <dd>{given(request.dueDate)}</dd>
      <dt>{t('matching.qualityAssurance')}</dt>
      <dd>{qa.length > 0 ? joinList(qa.map((kind) => t(`matching.qa.${kind}`)), language) : t('matching.notGiven')}</dd>
      <dt>{t('matching.region')}</dt>
      <dd data-testid="summary-region">{regionParts.join(' / ')}</dd>
      <dt>{t('matching.visibility')}</dt>
      <dd>{t(`matching.visibility.${request.visibility ?? 'public'}`)}</dd>
      {withState && (
        <>
          <dt>{t('matching.createdAt')}</dt>
          <dd>{formatDateTime(saved.createdAt, language)}</dd>
        </>
      )}
    </dl>
  );
}
