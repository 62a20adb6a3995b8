import { Link } from 'react-router';
import type { SupplierSummary } from '@/lib/api/suppliers';
import { daysSince, formatNumber, useI18n, joinList } from '@/lib/i18n';
import { useMunicipalityNames } from '@/lib/places';
import { shortLabel, type LabelOf } from '@/lib/taxonomy';

/** The results: name, place, process headlines, certifications, verification, distance and freshness. */
export function ResultList({
  items,
  labelOf,
  highlightedId,
  onHighlight,
  now = new Date(),
}: {
  items: readonly SupplierSummary[];
  labelOf: LabelOf;
  highlightedId: string | null;
  onHighlight: (id: string | null) => void;
  now?: Date;
}) {
  const { t, language } = useI18n();
  const nameOf = useMunicipalityNames(items.map((item) => item.municipalityCode));
  return (
    <ol className="results" data-testid="search-results">
      {items.map((item) => {
        const name = language === 'en' && item.nameEn ? item.nameEn : item.nameJa;
        const days = daysSince(item.confirmedAt, now);
        return (
          <li
            key={item.id}
            className={item.id === highlightedId ? 'result result--highlighted' : 'result'}
            data-testid="search-result"
            data-id={item.id}
            onMouseEnter={() => onHighlight(item.id)}
            onMouseLeave={() => onHighlight(null)}
            onFocus={() => onHighlight(item.id)}
            onBlur={() => onHighlight(null)}
          >
            <div className="result__head">
              <Link to={`/suppliers/${item.id}`} className="result__name">
                {name}
              </Link>
              {item.verified && (
                <span className="badge badge--on" data-testid="verified-badge">
                  {t('supplier.verified')}
                </span>
              )}
              {item.distanceKm != null && (
                <span className="result__distance" data-testid="distance">
                  {t('search.distance', { km: formatNumber(item.distanceKm, language) })}
                </span>
              )}
            </div>
            <p className="result__place">
              {labelOf('prefectures', item.prefectureCode)}
              {item.municipalityCode && (
                <span className={nameOf(item.municipalityCode) ? undefined : 'muted'} title={item.municipalityCode}>
                  {' '}
                  {nameOf(item.municipalityCode) ?? t('supplier.municipalityCode', { code: item.municipalityCode })}
                </span>
              )}
            </p>
            {item.keywordHits && item.keywordHits.length > 0 && (
              <p className="result__why" data-testid="keyword-hits">
                {item.keywordHits
                  .map((hit) => t('search.hit', { kind: t(`search.hitKind.${hit.kind}`), label: labelOf(hit.kind, hit.code) }))
                  .join('　')}
              </p>
            )}
            <ul className="tags" aria-label={t('supplier.processes')}>
              {item.processes.map((code) => (
                <li key={code} className="tag">
                  {labelOf('processes', code)}
                </li>
              ))}
            </ul>
            <p className="result__meta">
              <span>
                {t('supplier.certifications')}:{' '}
                {item.certifications == null ? (
                  <span className="muted">{t('supplier.undisclosed')}</span>
                ) : item.certifications.length === 0 ? (
                  <span className="muted">{t('supplier.noCertifications')}</span>
                ) : (
                  joinList(item.certifications.map((code) => shortLabel(labelOf('certifications', code))), language)
                )}
              </span>
              <span className="muted" data-testid="confirmed">
                {days === 0 ? t('supplier.confirmedToday') : t('supplier.confirmedDaysAgo', { days })}
              </span>
            </p>
          </li>
        );
      })}
    </ol>
  );
}
