import type { CSSProperties } from 'react';
import { formatIsoDate, useI18n } from '@/lib/i18n';
import type { NeighbourLeg, Order, OrderRoute, OrderStatus } from '../api/types';
import { regionToday } from '../order-draft';
import { LateBadge, OrderStatusBadge } from './order-status-badge';

/** One row of the timeline: an order the reader may see, or the leg before the reader's (no prices, no lines). */
interface LegRow {
  leg: number;
  supplier: string;
  status: OrderStatus;
  orderedOn: string | null;
  dueDate: string;
  expectedShipOn: string | null;
  late: boolean;
  shipments: { shippedOn: string; final: boolean }[];
  milestones: { plannedOn?: string | null; actualOn?: string | null }[];
}

function rowOf(order: Order): LegRow {
  return {
    leg: order.leg,
    supplier: order.supplier.name,
    status: order.status,
    orderedOn: order.orderedOn,
    dueDate: order.dueDate,
    expectedShipOn: order.expectedShipOn ?? null,
    late: order.late,
    shipments: order.shipments,
    milestones: order.milestones,
  };
}

function rowOfNeighbour(leg: NeighbourLeg): LegRow {
  return {
    leg: leg.leg,
    supplier: leg.supplier.name,
    status: leg.status,
    orderedOn: null,
    dueDate: leg.dueDate,
    expectedShipOn: leg.expectedShipOn ?? null,
    late: leg.late,
    shipments: leg.shipments,
    milestones: [],
  };
}

const dayNumber = (day: string) => Math.round(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / 86_400_000);

/**
 * The route as a timeline, one row per leg the reader may see: the planned window (order day to due date), the
 * expected ship day, the actual shipments and milestones, a line for today, late legs marked 遅れ and the leg the
 * parts are at now (currentLeg). Each row says the same in words (the bars are decoration for sighted readers).
 */
export function RouteTimeline({ route, today = regionToday() }: { route: OrderRoute; today?: string }) {
  const { t } = useI18n();
  const rows = [...(route.previous ? [rowOfNeighbour(route.previous)] : []), ...route.orders.map(rowOf)].sort((a, b) => a.leg - b.leg);
  const days = rows.flatMap((row) => [
    row.orderedOn,
    row.dueDate,
    row.expectedShipOn,
    ...row.shipments.map((s) => s.shippedOn),
    ...row.milestones.flatMap((m) => [m.plannedOn, m.actualOn]),
  ]);
  const known = [...days, today, route.expectedArrivalOn].filter((d): d is string => !!d).map(dayNumber);
  const start = Math.min(...known) - 1;
  const end = Math.max(...known) + 2;
  const at = (day: string): CSSProperties => ({ left: `${(((dayNumber(day) - start) / (end - start)) * 100).toFixed(2)}%` });
  const span = (from: string, to: string): CSSProperties => ({
    ...at(from),
    width: `${(((dayNumber(to) - dayNumber(from) + 1) / (end - start)) * 100).toFixed(2)}%`,
  });

  return (
    <section className="timeline" data-testid="route-timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('orders.timeline')}</h2>
      <p className="timeline__summary" data-testid="route-summary">
        {route.expectedArrivalOn && (
          <span data-testid="expected-arrival">{t('orders.expectedArrival', { date: formatIsoDate(route.expectedArrivalOn) })}</span>
        )}
        {route.late && <LateBadge />}
        <span data-testid="current-leg">
          {route.currentLeg === 0 ? t('orders.notStarted') : t('orders.partsAt', { leg: route.currentLeg })}
        </span>
        {route.distanceKm != null && <span>{t('orders.distance', { km: route.distanceKm })}</span>}
      </p>
      <ol className="timeline__legs">
        {rows.map((row) => {
          const final = row.shipments.find((s) => s.final);
          return (
            <li
              key={row.leg}
              className="timeline__leg"
              data-testid="timeline-leg"
              data-leg={row.leg}
              data-late={row.late || undefined}
              data-current={row.leg === route.currentLeg || undefined}
            >
              <p className="timeline__label">
                <strong>{t('orders.legNumber', { leg: row.leg })}</strong> {row.supplier} <OrderStatusBadge status={row.status} />{' '}
                {row.late && <LateBadge />}
                {row.leg === route.currentLeg && (
                  <span className="timeline__here" data-testid="parts-here">
                    {t('orders.here')}
                  </span>
                )}
              </p>
              <p className="timeline__text muted">
                {t('orders.timelineText', {
                  due: formatIsoDate(row.dueDate),
                  expected: row.expectedShipOn ? formatIsoDate(row.expectedShipOn) : '—',
                  shipped: final ? formatIsoDate(final.shippedOn) : '—',
                })}
              </p>
              <div className="timeline__track" aria-hidden="true">
                <span className="timeline__plan" style={span(row.orderedOn ?? row.dueDate, row.dueDate)} />
                {row.expectedShipOn && (
                  <span
                    className={`timeline__mark timeline__mark--expected${row.late ? ' timeline__mark--late' : ''}`}
                    style={at(row.expectedShipOn)}
                    title={t('orders.expectedShipOn')}
                  />
                )}
                {row.milestones.map((m, i) =>
                  m.actualOn ? (
                    <span key={i} className="timeline__mark timeline__mark--milestone" style={at(m.actualOn)} />
                  ) : m.plannedOn ? (
                    <span key={i} className="timeline__mark timeline__mark--planned" style={at(m.plannedOn)} />
                  ) : null,
                )}
                {row.shipments.map((s, i) => (
                  <span key={`s${i}`} className="timeline__mark timeline__mark--shipped" style={at(s.shippedOn)} />
                ))}
                <span className="timeline__today" style={at(today)} />
              </div>
            </li>
          );
        })}
      </ol>
      {route.orders.length + (route.previous ? 1 : 0) < route.legs && (
        <p className="muted" data-testid="hidden-legs">
          {t('orders.otherLegs', { legs: route.legs })}
        </p>
      )}
      <p className="timeline__legend muted" aria-hidden="true">
        <span className="timeline__key timeline__key--plan" /> {t('orders.legendPlan')}{' '}
        <span className="timeline__key timeline__key--expected" /> {t('orders.legendExpected')}{' '}
        <span className="timeline__key timeline__key--shipped" /> {t('orders.legendShipped')}{' '}
        <span className="timeline__key timeline__key--today" /> {t('orders.legendToday', { date: today })}
      </p>
    </section>
  );
}
