import { useId } from 'react';
import { SupplierMap, type LatLon, type MapLine, type MapPoint } from '@/components/map';
import { formatNumber, useI18n } from '@/lib/i18n';
import type { MatchChain } from '../api/types';
import { GapList } from './gap-list';
import { ProfileLink } from './profile-link';

/**
 * One chain: which site does each step, the legs between them and on to the delivery point with their length, how
 * much of the work the region can do and which steps it cannot; on the map, the sites numbered by the steps they do,
 * the delivery point and the legs. The list of legs is the map's text alternative.
 */
export function ChainView({
  chain,
  n,
  processOf,
  deliveryPoint,
}: {
  chain: MatchChain;
  n: number;
  processOf: (step: number) => string;
  deliveryPoint?: LatLon | null;
}) {
  const { t, language } = useI18n();
  const headingId = useId();
  const legsId = useId();
  const placeOf = (step: number) => chain.steps.find((s) => s.step === step)?.location ?? null;
  // One point per site, numbered with every step it does ("1" or "2,3"), as in the list of steps.
  const points: MapPoint[] = [];
  for (const assignment of chain.steps) {
    if (!assignment.supplierId || !assignment.location) {
      continue;
    }
    const existing = points.find((p) => p.id === assignment.supplierId);
    const number = String(assignment.step + 1);
    if (existing) {
      existing.marker = `${existing.marker},${number}`;
      existing.label = t('matching.mapSite', { steps: existing.marker, name: assignment.nameJa ?? '' });
    } else {
      points.push({
        id: assignment.supplierId,
        position: assignment.location,
        marker: number,
        label: t('matching.mapSite', { steps: number, name: assignment.nameJa ?? '' }),
      });
    }
  }
  const legText = (from: number, to: number, km: number) =>
    t('matching.leg', { from: from + 1, to: to + 1, km: formatNumber(km, language) });
  const delivery = chain.delivery ?? null;
  const deliveryText = delivery ? t('matching.deliveryLeg', { from: delivery.fromStep + 1, km: formatNumber(delivery.km, language) }) : '';
  const lines: MapLine[] = chain.legs.flatMap((leg) => {
    const from = placeOf(leg.fromStep);
    const to = placeOf(leg.toStep);
    return from && to ? [{ id: `${leg.fromStep}-${leg.toStep}`, from, to, label: legText(leg.fromStep, leg.toStep, leg.km) }] : [];
  });
  const lastPlace = delivery ? placeOf(delivery.fromStep) : null;
  if (delivery && lastPlace && deliveryPoint) {
    lines.push({ id: 'delivery', from: lastPlace, to: deliveryPoint, label: deliveryText, kind: 'destination' });
  }

  return (
    <section className="chain" data-testid="chain" data-chain={n} aria-labelledby={headingId}>
      <h4 id={headingId}>{t('matching.chainDetail', { n })}</h4>
      <ol className="chain__steps">
        {chain.steps.map((assignment) => (
          <li key={assignment.step} data-testid="chain-step" data-gap={!assignment.supplierId || undefined}>
            <span className="chain__number" aria-hidden="true">
              {assignment.step + 1}
            </span>
            <span className="chain__step">{t('matching.chainStep', { n: assignment.step + 1, process: processOf(assignment.step) })}</span>
            {' → '}
            {assignment.supplierId ? (
              <ProfileLink id={assignment.supplierId} testId="chain-site">
                <strong>{assignment.nameJa}</strong>
              </ProfileLink>
            ) : (
              <strong>{t('matching.chainGapSite')}</strong>
            )}
          </li>
        ))}
      </ol>
      {(chain.legs.length > 0 || delivery) && (
        <>
          <h5 id={legsId}>{t('matching.legs')}</h5>
          <ul className="chain__legs" aria-labelledby={legsId}>
            {chain.legs.map((leg) => (
              <li key={`${leg.fromStep}-${leg.toStep}`} data-testid="chain-leg">
                {legText(leg.fromStep, leg.toStep, leg.km)}
              </li>
            ))}
            {delivery && (
              <li data-testid="chain-delivery-leg" className="chain__delivery">
                {deliveryText}
              </li>
            )}
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
        <>
          <SupplierMap
            points={points}
            lines={lines}
            destination={deliveryPoint ? { position: deliveryPoint, label: t('matching.deliveryPoint') } : null}
            label={t('matching.chainMap')}
            fitKey={`${n}:${points.map((p) => p.id).join(',')}`}
            height={320}
          />
          <p className="muted chain__legend" data-testid="chain-legend">
            {t('matching.chainLegend')}
          </p>
        </>
      )}
    </section>
  );
}
