import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useI18n } from '@/lib/i18n';
import { loadPrefectureOutlines, prefectureBounds, type PrefectureOutline } from './prefecture-outlines';
import {
  circlePolygon,
  fitBounds,
  fitTarget,
  intersects,
  invert,
  japanBounds,
  kmPerDegree,
  pan,
  project,
  ringsToPath,
  visibleBounds,
  zoomAt,
  type Bounds,
  type LatLon,
  type View,
  type Viewport,
} from './projection';
import './supplier-map.css';

export interface MapPoint {
  id: string;
  position: LatLon;
  label: string;
  /** A short text drawn in the point (e.g. the numbers of the steps a site does); the point grows to hold it. */
  marker?: string;
}

/** A straight line between two places, e.g. a leg of a chain of steps. */
export interface MapLine {
  id: string;
  from: LatLon;
  to: LatLon;
  label: string;
  /** A leg to the destination is drawn apart from the others. */
  kind?: 'leg' | 'destination';
}

export interface SupplierMapProps {
  points: readonly MapPoint[];
  /** Lines drawn under the points. */
  lines?: readonly MapLine[];
  /** Accessible description of what the map shows. */
  label: string;
  /** When it changes, the view is fitted to the points and the circle again. */
  fitKey: string;
  highlightedId?: string | null;
  onHighlight?: (id: string | null) => void;
  onActivate?: (id: string) => void;
  /** A search circle: its centre and radius. */
  circle?: { center: LatLon; km: number } | null;
  /** A chosen point without a radius. */
  pin?: LatLon | null;
  /** Where things go (e.g. a request's delivery point): a square marker, fitted into view with the points. */
  destination?: { position: LatLon; label: string } | null;
  /** Called with the point under a click on the map (not on a result): how a search point is picked. */
  onPick?: (point: LatLon) => void;
  /** What a click on the map does, said under it (default: it searches around that point). */
  pickHint?: string;
  /** What to show when there is nothing to fit: this prefecture (JIS code), or else Japan. */
  fallbackPrefecture?: string | null;
  /** The narrowest extent a fit shows, in km. */
  minSpanKm?: number;
  height?: number;
}

const dragThreshold = 4;

/**
 * An offline map: prefecture outlines bundled with the app (scripts/japan-prefectures.ts), results as points, the
 * search circle, and a click to pick a point. Drag to pan; the buttons (or +, −, arrows) zoom and move.
 */
export function SupplierMap({
  points,
  lines = [],
  label,
  fitKey,
  highlightedId = null,
  onHighlight,
  onActivate,
  circle = null,
  pin = null,
  destination = null,
  onPick,
  pickHint,
  fallbackPrefecture = null,
  minSpanKm = 8,
  height = 420,
}: SupplierMapProps) {
  const { t } = useI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  const viewport: Viewport = useMemo(() => ({ width, height }), [width, height]);
  const [view, setView] = useState<View>(() => fitBounds(japanBounds, { width, height }));
  const [outlines, setOutlines] = useState<readonly PrefectureOutline[]>([]);
  const drag = useRef<{ x: number; y: number; view: View; moved: boolean; pointerId: number } | null>(null);

  // Follow the container's width (the map is as wide as its column).
  useEffect(() => {
    const element = containerRef.current;
    if (!element) {
      return;
    }
    const measure = () => {
      const measured = Math.round(element.getBoundingClientRect().width);
      if (measured > 0) {
        setWidth(measured);
      }
    };
    measure();
    if (typeof ResizeObserver === 'undefined') {
      return;
    }
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    let current = true;
    loadPrefectureOutlines().then(
      (loaded) => current && setOutlines(loaded),
      // Without outlines the map still shows the points and the circle on its sea.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);

  // The latest inputs of a fit, read when fitKey (or the size) changes rather than on every render.
  const fallbackBounds: Bounds = prefectureBounds(outlines, fallbackPrefecture) ?? japanBounds;
  const fitInputs = useRef({ points, circle, fallbackBounds, minSpanKm, destination });
  fitInputs.current = { points, circle, fallbackBounds, minSpanKm, destination };
  const fit = () => {
    const inputs = fitInputs.current;
    const target = fitTarget(
      [...inputs.points.map((point) => point.position), ...(inputs.destination ? [inputs.destination.position] : [])],
      inputs.circle,
      inputs.fallbackBounds,
    );
    setView(fitBounds(target, viewport, { minSpanKm: inputs.minSpanKm }));
  };
  // Fitted on purpose only when the key, the size or the fallback changes, not when the user has zoomed or panned.
  const fallbackKey = `${fallbackBounds.west},${fallbackBounds.south}`;
  useEffect(fit, [fitKey, viewport, fallbackKey]);

  const shown = visibleBounds(view, viewport);
  const paths = useMemo(
    () =>
      outlines
        .filter((outline) => intersects(outline.bounds, shown))
        .map((outline) => ({ code: outline.code, d: ringsToPath(outline.rings, view, viewport) })),
    // `shown` follows from view and viewport.
    [outlines, view, viewport],
  );
  const circlePath = circle ? ringsToPath([circlePolygon(circle.center, circle.km)], view, viewport) : null;
  const centre = circle?.center ?? pin;
  const [cx, cy] = centre ? project(view, viewport, centre) : [0, 0];
  // Draw the highlighted point last, so it is on top.
  const ordered = [...points].sort((a, b) => Number(a.id === highlightedId) - Number(b.id === highlightedId));

  function localPoint(event: PointerEvent<SVGSVGElement>): [number, number] {
    const rect = event.currentTarget.getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top];
  }

  function onPointerDown(event: PointerEvent<SVGSVGElement>) {
    if (event.button !== 0) {
      return;
    }
    const [x, y] = localPoint(event);
    drag.current = { x, y, view, moved: false, pointerId: event.pointerId };
  }

  function onPointerMove(event: PointerEvent<SVGSVGElement>) {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) {
      return;
    }
    const [x, y] = localPoint(event);
    const dx = x - current.x;
    const dy = y - current.y;
    if (!current.moved && Math.hypot(dx, dy) < dragThreshold) {
      return;
    }
    if (!current.moved) {
      current.moved = true;
      event.currentTarget.setPointerCapture?.(event.pointerId);
    }
    setView(pan(current.view, dx, dy));
  }

  function onPointerUp(event: PointerEvent<SVGSVGElement>) {
    const current = drag.current;
    drag.current = null;
    if (!current || current.moved || !onPick) {
      return;
    }
    const [x, y] = localPoint(event);
    onPick(invert(view, viewport, x, y));
  }

  function onKeyDown(event: KeyboardEvent<SVGSVGElement>) {
    const step = 60;
    const moves: Record<string, () => View> = {
      ArrowLeft: () => pan(view, step, 0),
      ArrowRight: () => pan(view, -step, 0),
      ArrowUp: () => pan(view, 0, step),
      ArrowDown: () => pan(view, 0, -step),
      '+': () => zoomAt(view, viewport, 1.5),
      '=': () => zoomAt(view, viewport, 1.5),
      '-': () => zoomAt(view, viewport, 1 / 1.5),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      setView(move());
    }
  }

  const scaleBar = niceScaleBar(view.scale);

  return (
    <div className="map" ref={containerRef} data-testid="supplier-map">
      <svg
        className={onPick ? 'map__canvas map__canvas--pick' : 'map__canvas'}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={label}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => (drag.current = null)}
        onKeyDown={onKeyDown}
      >
        <rect className="map__sea" x={0} y={0} width={width} height={height} />
        <g className="map__land">
          {paths.map((outline) => (
            <path key={outline.code} d={outline.d} data-prefecture={outline.code} />
          ))}
        </g>
        {circlePath && <path className="map__circle" d={circlePath} data-testid="map-circle" />}
        {centre && (
          <g className="map__pin" data-testid="map-pin" transform={`translate(${cx.toFixed(1)},${cy.toFixed(1)})`}>
            <line x1={-7} y1={0} x2={7} y2={0} />
            <line x1={0} y1={-7} x2={0} y2={7} />
          </g>
        )}
        {lines.length > 0 && (
          <g className="map__lines">
            {lines.map((line) => {
              const [x1, y1] = project(view, viewport, line.from);
              const [x2, y2] = project(view, viewport, line.to);
              return (
                <line
                  key={line.id}
                  className={line.kind === 'destination' ? 'map__line map__line--destination' : 'map__line'}
                  x1={x1.toFixed(1)}
                  y1={y1.toFixed(1)}
                  x2={x2.toFixed(1)}
                  y2={y2.toFixed(1)}
                  data-testid="map-line"
                  data-kind={line.kind ?? 'leg'}
                >
                  <title>{line.label}</title>
                </line>
              );
            })}
          </g>
        )}
        {destination && <Destination {...destination} at={project(view, viewport, destination.position)} />}
        <g className="map__points">
          {ordered.map((point) => {
            const [x, y] = project(view, viewport, point.position);
            const highlighted = point.id === highlightedId;
            // A marked point is as wide as its text: "1" or "2,3".
            const radius = point.marker ? 7 + 3.5 * point.marker.length : highlighted ? 8 : 5;
            return (
              <g
                key={point.id}
                className={highlighted ? 'map__point map__point--highlighted' : 'map__point'}
                data-testid="map-point"
                data-id={point.id}
                data-marker={point.marker}
                data-highlighted={highlighted || undefined}
                onPointerDown={(event) => event.stopPropagation()}
                onPointerUp={(event) => event.stopPropagation()}
                onPointerEnter={() => onHighlight?.(point.id)}
                onPointerLeave={() => onHighlight?.(null)}
                onClick={() => onActivate?.(point.id)}
              >
                <title>{point.label}</title>
                <circle cx={x.toFixed(1)} cy={y.toFixed(1)} r={radius} />
                {point.marker && (
                  <text className="map__marker" x={x.toFixed(1)} y={y.toFixed(1)} textAnchor="middle" dominantBaseline="central">
                    {point.marker}
                  </text>
                )}
              </g>
            );
          })}
        </g>
        <g className="map__scale" transform={`translate(12,${height - 14})`}>
          <line x1={0} y1={0} x2={scaleBar.pixels} y2={0} />
          <text x={scaleBar.pixels + 6} y={4}>
            {scaleBar.label}
          </text>
        </g>
      </svg>
      <div className="map__controls" role="group" aria-label={t('map.controls')}>
        <button type="button" onClick={() => setView(zoomAt(view, viewport, 1.5))} aria-label={t('map.zoomIn')}>
          +
        </button>
        <button type="button" onClick={() => setView(zoomAt(view, viewport, 1 / 1.5))} aria-label={t('map.zoomOut')}>
          −
        </button>
        <button type="button" onClick={fit}>
          {t('map.fit')}
        </button>
        <button type="button" onClick={() => setView(fitBounds(japanBounds, viewport))}>
          {t('map.japan')}
        </button>
      </div>
      {onPick && <p className="map__hint muted">{pickHint ?? t('map.pickHint')}</p>}
      <p className="map__attribution">{t('map.attribution')}</p>
    </div>
  );
}

/** The destination: a square with a flag, unlike any site's round point. */
function Destination({ label, at: [x, y] }: { label: string; at: [number, number] }) {
  return (
    <g className="map__destination" data-testid="map-destination" transform={`translate(${x.toFixed(1)},${y.toFixed(1)})`}>
      <title>{label}</title>
      <rect x={-9} y={-9} width={18} height={18} rx={2} />
      <path d="M-3,5 L-3,-5 L5,-2 L-3,1" />
    </g>
  );
}

/** A scale bar of a round length (1, 2 or 5 × 10ⁿ km) no longer than about 120 px. */
export function niceScaleBar(scale: number): { pixels: number; label: string } {
  const kmPerPixel = kmPerDegree / scale;
  const target = kmPerPixel * 120;
  const magnitude = 10 ** Math.floor(Math.log10(target));
  const km = [5, 2, 1].map((m) => m * magnitude).find((candidate) => candidate <= target) ?? magnitude;
  return { pixels: km / kmPerPixel, label: km >= 1 ? `${km} km` : `${Math.round(km * 1000)} m` };
}
