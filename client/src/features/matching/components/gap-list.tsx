import { useI18n } from '@/lib/i18n';

/** The steps no supplier in the region can do, each named with its process; or that every step can be done. */
export function GapList({ gaps, processOf }: { gaps: readonly number[]; processOf: (step: number) => string }) {
  const { t } = useI18n();
  if (gaps.length === 0) {
    return <p className="chain-gaps chain-gaps--none">{t('matching.noGaps')}</p>;
  }
  return (
    <ul className="chain-gaps">
      {gaps.map((step) => (
        <li key={step} data-testid="chain-gap" data-step={step}>
          {t('matching.notDoable', { n: step + 1, process: processOf(step) })}
        </li>
      ))}
    </ul>
  );
}
