import type { Schemas } from '@/lib/api-client';
import { useI18n, formatNumber, isMessageKey } from '@/lib/i18n';
import { shortLabel, useTaxonomyLabels, type TaxonomyKind } from '@/lib/taxonomy';
import './match-explanation.css';

type MatchCriterion = Schemas['MatchCriterion'];

const outcomeMark = { met: '✓', partial: '△', unmet: '✗' } as const;

// Criteria whose offered value lists taxonomy codes (comma-separated): shown as the terms' labels.
const codeLists: Partial<Record<string, TaxonomyKind>> = { certifications_beyond_required: 'certifications' };

/**
 * Why a site scored what it did (DESIGN §5), criterion by criterion: what was required, what the site offers (taxonomy
 * codes as their labels, the service's words translated), whether it meets it, and the points out of the weight. Used
 * by matching's candidates and by a gathering's suggestions and briefs.
 */
export function MatchExplanation({ name, rows }: { name: string; rows: readonly MatchCriterion[] }) {
  const { t, language } = useI18n();
  const labelOf = useTaxonomyLabels(['certifications']);
  return (
    <div className="table-scroll">
      <table className="table explanation" data-testid="explanation">
        <caption className="visually-hidden">{t('matching.reasons', { name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('matching.col.criterion')}</th>
            <th scope="col">{t('matching.col.required')}</th>
            <th scope="col">{t('matching.col.offered')}</th>
            <th scope="col">{t('matching.col.met')}</th>
            <th scope="col">{t('matching.col.points')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const key = `matching.criterion.${row.criterion}`;
            // The service answers a few words ("yes", "not disclosed", …) beside numbers and codes; those are translated.
            const word = (value: string) => {
              const valueKey = `matching.value.${value}`;
              return isMessageKey(valueKey) ? t(valueKey) : value;
            };
            const kind = codeLists[row.criterion];
            const offered =
              kind && !isMessageKey(`matching.value.${row.offered}`)
                ? row.offered
                    .split(',')
                    .map((code) => shortLabel(labelOf(kind, code.trim())))
                    .join(language === 'ja' ? '、' : ', ')
                : word(row.offered);
            return (
              <tr key={row.criterion} data-criterion={row.criterion}>
                <th scope="row">{isMessageKey(key) ? t(key) : row.criterion}</th>
                <td className="table__nowrap">{word(row.required)}</td>
                <td data-testid="offered">{offered}</td>
                <td>
                  <span className={`outcome outcome--${row.met}`} data-testid="outcome" data-met={row.met}>
                    <span aria-hidden="true">{outcomeMark[row.met]}</span> {t(`matching.met.${row.met}`)}
                  </span>
                </td>
                <td className="table__nowrap">
                  {formatNumber(row.points, language, 3)} / {formatNumber(row.weight, language, 3)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
