import type { SearchFacets } from '@/lib/api/suppliers';
import { useI18n, type MessageKey } from '@/lib/i18n';
import { shortLabel, type LabelOf, type TaxonomyKind } from '@/lib/taxonomy';

/** The facets' lists of counts (everything but the total). */
type FacetGroup = Exclude<keyof SearchFacets, 'total'>;

const groups: { key: FacetGroup; taxonomy: TaxonomyKind; heading: MessageKey }[] = [
  { key: 'processFamilies', taxonomy: 'processes', heading: 'facets.processFamilies' },
  { key: 'prefectures', taxonomy: 'prefectures', heading: 'facets.prefectures' },
  { key: 'certifications', taxonomy: 'certifications', heading: 'facets.certifications' },
];

/**
 * Counts of the whole filtered set by process family, prefecture and certification. A count is a button: it adds
 * that filter, and on an active one takes it away again.
 */
export function FacetPanel({
  facets,
  labelOf,
  isActive,
  onToggle,
}: {
  facets: SearchFacets;
  labelOf: LabelOf;
  isActive: (group: FacetGroup, code: string) => boolean;
  onToggle: (group: FacetGroup, code: string) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="facets" data-testid="facets">
      {groups.map((group) => {
        const counts = facets[group.key];
        return (
          <section key={group.key} className="facets__group" aria-labelledby={`facets-${group.key}`}>
            <h3 id={`facets-${group.key}`}>{t(group.heading)}</h3>
            {counts.length === 0 ? (
              <p className="muted facets__none">{t('facets.none')}</p>
            ) : (
              <ul className="facets__list">
                {counts.map((count) => {
                  const active = isActive(group.key, count.code);
                  return (
                    <li key={count.code}>
                      <button
                        type="button"
                        className="facet"
                        aria-pressed={active}
                        data-facet={`${group.key}:${count.code}`}
                        onClick={() => onToggle(group.key, count.code)}
                      >
                        <span title={labelOf(group.taxonomy, count.code)}>{shortLabel(labelOf(group.taxonomy, count.code))}</span>
                        <span className="facet__count">{count.count}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

export type { FacetGroup };
