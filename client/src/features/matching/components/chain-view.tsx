import { SupplierMap, type MapLine, type MapPoint } from '@/components/map';
import { formatNumber, useI18n } from '@/lib/i18n';
import type { MatchChain } from '../api/types';

/**
 * The best chain: which site does each step, the legs between them and their length, how much of the work the region
 * can do and which steps it cannot; on the map, the sites and the legs.
 */
export function ChainView({ chain, processOf }: { chain: MatchChain | null; processOf: (step: number) => string }) {
  const { t, language } = useI18n();
  if (!chain) {
    return (
      <section className="chain" data-testid="chain">
        <h3>{t('matching.chain')}</h3>
        <p className="muted">{t('matching.noChain')}</p>
      </section>
    );
  }

  const placeOf = (step: number) => chain.steps.find((s) => s.step === step)?.location ?? null;
  const points: MapPoint[] = [];
  for (const assignment of chain.steps) {
    if (assignment.supplierId && assignment.location && !points.some((p) => p.id === assignment.supplierId)) {
      points.push({ id: assignment.supplierId, position: assignment.location, label: assignment.nameJa ?? '' });
    }
  }
  const lines: MapLine[] = chain.legs.flatMap((leg) => {
    const from = placeOf(leg.fromStep);
    const to = placeOf(leg.toStep);
    return from && to
      ? [{ id: `${leg.fromStep}-${leg.toStep}`, from, to, label: legText(leg.fromStep, leg.toStep, leg.km) }]
      : [];
  });

  function legText(from: number, to: number, km: number) {
    return t('matching.leg', { from: from + 1, to: to + 1, km: formatNumber(km, language) });
  }

  const gapNames = chain.gaps.map((step) => t('matching.chainStep', { n: step + 1, process: processOf(step) }));
  return (
    <section className="chain" data-testid="chain" aria-labelledby="chain-heading">
      <h3 id="chain-heading">{t('matching.chain')}</h3>
      <ol className="chain__steps">
        {chain.steps.map((assignment) => (
          <li key={assignment.step} data-testid="chain-step" data-gap={!assignment.supplierId || undefined}>
            <span className="chain__step">{t('matching.chainStep', { n: assignment.step + 1, process: processOf(assignment.step) })}</span>
            {' → '}
            <strong>{assignment.supplierId ? assignment.nameJa : t('matching.chainGapSite')}</strong>
          </li>
        ))}
      </ol>
      {chain.legs.length > 0 && (
        <>
          <h4>{t('matching.legs')}</h4>
          <ul className="chain__legs">
            {chain.legs.map((leg) => (
              <li key={`${leg.fromStep}-${leg.toStep}`} data-testid="chain-leg">
                {legText(leg.fromStep, leg.toStep, leg.km)}
              </li>
            ))}
          </ul>
        </>
      )}
      <ul className="chain__facts">
        <li data-testid="chain-total">{t('matching.totalKm', { km: formatNumber(chain.totalKm, language) })}</li>
        <li>{t('matching.firms', { count: chain.firms })}</li>
        <li data-testid="chain-completeness">
          {t('matching.completeness', { pct: formatNumber(chain.completeness * 100, language, 0) })}
        </li>
        <li data-testid="chain-gaps">
          {gapNames.length > 0 ? t('matching.gaps', { steps: gapNames.join('、') }) : t('matching.noGaps')}
        </li>
      </ul>
      {points.length > 0 && (
        <SupplierMap
          points={points}
          lines={lines}
          label={t('matching.chainMap')}
          fitKey={points.map((p) => p.id).join(',')}
          height={320}
        />
      )}
    </section>
  );
}
