import { useId } from 'react';
import { SupplierMap, type MapLine, type MapPoint } from '@/components/map';
import { formatNumber, useI18n } from '@/lib/i18n';
import type { MatchChain } from '../api/types';
import { GapList } from './gap-list';

/**
 * One chain: which site does each step, the legs between them and their length, how much of the work the region can
 * do and which steps it cannot; on the map, the sites and the legs.
 */
export function ChainView({ chain, n, processOf }: { chain: MatchChain; n: number; processOf: (step: number) => string }) {
  const { t, language } = useI18n();
  const headingId = useId();
  const placeOf = (step: number) => chain.steps.find((s) => s.step === step)?.location ?? null;
  const points: MapPoint[] = [];
  for (const assignment of chain.steps) {
    if (assignment.supplierId && assignment.location && !points.some((p) => p.id === assignment.supplierId)) {
      points.push({ id: assignment.supplierId, position: assignment.location, label: assignment.nameJa ?? '' });
    }
  }
  const legText = (from: number, to: number, km: number) =>
    t('matching.leg', { from: from + 1, to: to + 1, km: formatNumber(km, language) });
  const lines: MapLine[] = chain.legs.flatMap((leg) => {
    const from = placeOf(leg.fromStep);
    const to = placeOf(leg.toStep);
    return from && to ? [{ id: `${leg.fromStep}-${leg.toStep}`, from, to, label: legText(leg.fromStep, leg.toStep, leg.km) }] : [];
  });

  return (
    <section className="chain" data-testid="chain" data-chain={n} aria-labelledby={headingId}>
      <h4 id={headingId}>{t('matching.chainDetail', { n })}</h4>
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
          <h5>{t('matching.legs')}</h5>
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
      </ul>
      <div data-testid="chain-gaps">
        <GapList gaps={chain.gaps} processOf={processOf} />
      </div>
      {points.length > 0 && (
        <SupplierMap
          points={points}
          lines={lines}
          label={t('matching.chainMap')}
          fitKey={`${n}:${points.map((p) => p.id).join(',')}`}
          height={320}
        />
      )}
    </section>
  );
}
