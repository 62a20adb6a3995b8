// The map's geometry, kept free of React so it can be tested on its own. The projection is equirectangular, scaled
// by the cosine of the view's central latitude: at the scale of a region (tens of km) that is indistinguishable from
// a conformal projection, and it is trivially invertible, which the map needs to turn a click into a point.

export interface LatLon {
  lat: number;
  lon: number;
}

export interface Bounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

/**
 * What the map shows: the point at its centre, how many pixels one degree of latitude takes, and the latitude whose
 * cosine scales longitudes. That latitude is set when the view is fitted and kept while the user pans and zooms, so
 * that a drag moves the map exactly with the pointer (it defaults to the centre's).
 */
export interface View {
  center: LatLon;
  scale: number;
  referenceLat?: number;
}

export interface Viewport {
  width: number;
  height: number;
}

export const kmPerDegree = 111.32;
const earthRadiusKm = 6371.0088;
const radians = Math.PI / 180;

/** Japan from Yonaguni to Cape Sōya, Hokkaidō's east to the Gotō islands' west. */
export const japanBounds: Bounds = { west: 122.9, south: 24.0, east: 146.0, north: 45.6 };

/** The most the map zooms in: one degree of latitude over this many pixels (≈ 1 km per 90 px). */
export const maxScale = 10_000;
/** The least: all of Japan and then some. */
export const minScale = 10;

function lonFactor(view: View): number {
  return Math.cos((view.referenceLat ?? view.center.lat) * radians);
}

export function project(view: View, viewport: Viewport, point: LatLon): [number, number] {
  return [
    viewport.width / 2 + (point.lon - view.center.lon) * lonFactor(view) * view.scale,
    viewport.height / 2 - (point.lat - view.center.lat) * view.scale,
  ];
}

export function invert(view: View, viewport: Viewport, x: number, y: number): LatLon {
  return {
    lat: view.center.lat - (y - viewport.height / 2) / view.scale,
    lon: view.center.lon + (x - viewport.width / 2) / (lonFactor(view) * view.scale),
  };
}

/** The geographic rectangle the viewport shows. */
export function visibleBounds(view: View, viewport: Viewport): Bounds {
  const topLeft = invert(view, viewport, 0, 0);
  const bottomRight = invert(view, viewport, viewport.width, viewport.height);
  return { west: topLeft.lon, north: topLeft.lat, east: bottomRight.lon, south: bottomRight.lat };
}

export function boundsOf(points: readonly LatLon[]): Bounds | null {
  if (points.length === 0) {
    return null;
  }
  const bounds = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
  for (const { lat, lon } of points) {
    bounds.west = Math.min(bounds.west, lon);
    bounds.east = Math.max(bounds.east, lon);
    bounds.south = Math.min(bounds.south, lat);
    bounds.north = Math.max(bounds.north, lat);
  }
  return bounds;
}

export function union(a: Bounds | null, b: Bounds | null): Bounds | null {
  if (!a || !b) {
    return a ?? b;
  }
  return {
    west: Math.min(a.west, b.west),
    south: Math.min(a.south, b.south),
    east: Math.max(a.east, b.east),
    north: Math.max(a.north, b.north),
  };
}

export function intersects(a: Bounds, b: Bounds): boolean {
  return a.west <= b.east && b.west <= a.east && a.south <= b.north && b.south <= a.north;
}

/** The point `km` away from `from` in direction `bearing` (degrees clockwise from north), on a sphere. */
export function destination(from: LatLon, km: number, bearing: number): LatLon {
  const angular = km / earthRadiusKm;
  const theta = bearing * radians;
  const lat1 = from.lat * radians;
  const lon1 = from.lon * radians;
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(angular) + Math.cos(lat1) * Math.sin(angular) * Math.cos(theta));
  const lon2 =
    lon1 + Math.atan2(Math.sin(theta) * Math.sin(angular) * Math.cos(lat1), Math.cos(angular) - Math.sin(lat1) * Math.sin(lat2));
  return { lat: lat2 / radians, lon: lon2 / radians };
}

/** Great-circle distance in km. */
export function distanceKm(a: LatLon, b: LatLon): number {
  const dLat = (b.lat - a.lat) * radians;
  const dLon = (b.lon - a.lon) * radians;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * radians) * Math.cos(b.lat * radians) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The search circle as a polygon of `steps` points (what the API's "within N km" means, drawn). */
export function circlePolygon(center: LatLon, km: number, steps = 72): LatLon[] {
  return Array.from({ length: steps }, (_, i) => destination(center, km, (360 * i) / steps));
}

export function circleBounds(center: LatLon, km: number): Bounds {
  return boundsOf(circlePolygon(center, km, 36))!;
}

/**
 * The view that shows `bounds` whole inside the viewport, `padding` pixels from the edges. A tiny extent (one point)
 * is widened to `minSpanKm` so the map does not zoom into a single street.
 */
export function fitBounds(
  bounds: Bounds,
  viewport: Viewport,
  { padding = 24, minSpanKm = 8 }: { padding?: number; minSpanKm?: number } = {},
): View {
  const center = { lat: (bounds.south + bounds.north) / 2, lon: (bounds.west + bounds.east) / 2 };
  const factor = Math.cos(center.lat * radians);
  const minSpan = minSpanKm / kmPerDegree;
  const latSpan = Math.max(bounds.north - bounds.south, minSpan);
  const lonSpan = Math.max((bounds.east - bounds.west) * factor, minSpan);
  const width = Math.max(1, viewport.width - 2 * padding);
  const height = Math.max(1, viewport.height - 2 * padding);
  const scale = Math.min(width / lonSpan, height / latSpan);
  return { center, scale: clampScale(scale), referenceLat: center.lat };
}

export function clampScale(scale: number): number {
  return Math.min(maxScale, Math.max(minScale, scale));
}

/** Zooms by `factor`, keeping the point under the pixel `anchor` where it is. */
export function zoomAt(view: View, viewport: Viewport, factor: number, anchor?: [number, number]): View {
  const scale = clampScale(view.scale * factor);
  const [ax, ay] = anchor ?? [viewport.width / 2, viewport.height / 2];
  const fixed = invert(view, viewport, ax, ay);
  const next = { ...view, scale };
  const moved = invert(next, viewport, ax, ay);
  return { ...next, center: { lat: view.center.lat + fixed.lat - moved.lat, lon: view.center.lon + fixed.lon - moved.lon } };
}

/** Moves the map by a drag of (dx, dy) pixels. */
export function pan(view: View, dx: number, dy: number): View {
  return {
    ...view,
    center: { lat: view.center.lat + dy / view.scale, lon: view.center.lon - dx / (lonFactor(view) * view.scale) },
  };
}

/**
 * What the map fits when a search changes: the results and the search circle together; failing both, `fallback`
 * (the filtered prefecture, or Japan).
 */
export function fitTarget(points: readonly LatLon[], circle: { center: LatLon; km: number } | null, fallback: Bounds): Bounds {
  return union(boundsOf(points), circle ? circleBounds(circle.center, circle.km) : null) ?? fallback;
}

/** An SVG path for rings of points: `M x,y L … Z` per ring, to one decimal of a pixel. */
export function ringsToPath(rings: readonly (readonly LatLon[])[], view: View, viewport: Viewport): string {
  let d = '';
  for (const ring of rings) {
    ring.forEach((point, i) => {
      const [x, y] = project(view, viewport, point);
      d += `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
    });
    if (ring.length > 0) {
      d += 'Z';
    }
  }
  return d;
}
