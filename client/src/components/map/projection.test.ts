import { describe, expect, it } from 'vitest';
import {
  boundsOf,
  circleBounds,
  circlePolygon,
  distanceKm,
  fitBounds,
  fitTarget,
  invert,
  japanBounds,
  kmPerDegree,
  maxScale,
  pan,
  project,
  visibleBounds,
  zoomAt,
  type LatLon,
} from './projection';
import { niceScaleBar } from './supplier-map';

const viewport = { width: 800, height: 500 };
const nagoya: LatLon = { lat: 35.1815, lon: 136.9066 };
const toyota: LatLon = { lat: 35.0824, lon: 137.1563 };
const okazaki: LatLon = { lat: 34.9551, lon: 137.1743 };

describe('the projection', () => {
  it('puts the view centre in the middle and inverts what it projects', () => {
    const view = { center: nagoya, scale: 2000 };

    expect(project(view, viewport, nagoya)).toEqual([400, 250]);
    const [x, y] = project(view, viewport, toyota);
    const back = invert(view, viewport, x, y);
    expect(back.lat).toBeCloseTo(toyota.lat, 9);
    expect(back.lon).toBeCloseTo(toyota.lon, 9);
  });

  it('draws north up and east right, with equal kilometres across and down near the centre', () => {
    const view = { center: nagoya, scale: 1000 };
    const [x0, y0] = project(view, viewport, nagoya);
    const north = project(view, viewport, { lat: nagoya.lat + 0.1, lon: nagoya.lon });
    const east = project(view, viewport, { lat: nagoya.lat, lon: nagoya.lon + 0.1 });
    const kmNorth = distanceKm(nagoya, { lat: nagoya.lat + 0.1, lon: nagoya.lon });
    const kmEast = distanceKm(nagoya, { lat: nagoya.lat, lon: nagoya.lon + 0.1 });

    expect(north[1]).toBeLessThan(y0);
    expect(east[0]).toBeGreaterThan(x0);
    expect((y0 - north[1]) / kmNorth).toBeCloseTo((east[0] - x0) / kmEast, 1);
  });
});

describe('fitting the view', () => {
  it('shows every result inside the viewport, off the edges by the padding', () => {
    const points = [nagoya, toyota, okazaki];
    const view = fitBounds(boundsOf(points)!, viewport, { padding: 24 });

    for (const point of points) {
      const [x, y] = project(view, viewport, point);
      expect(x).toBeGreaterThanOrEqual(24 - 1e-6);
      expect(x).toBeLessThanOrEqual(viewport.width - 24 + 1e-6);
      expect(y).toBeGreaterThanOrEqual(24 - 1e-6);
      expect(y).toBeLessThanOrEqual(viewport.height - 24 + 1e-6);
    }
  });

  it('zooms into the demo region: results in Aichi fill the map, far closer than all of Japan', () => {
    const aichi = fitBounds(boundsOf([nagoya, toyota, okazaki])!, viewport);
    const japan = fitBounds(japanBounds, viewport);

    expect(aichi.scale / japan.scale).toBeGreaterThan(20);
    const shown = visibleBounds(aichi, viewport);
    expect(shown.east - shown.west).toBeLessThan(1.5);
  });

  it('widens a single result to the minimum span instead of zooming into a street', () => {
    const view = fitBounds(boundsOf([toyota])!, viewport, { minSpanKm: 20, padding: 0 });
    const shown = visibleBounds(view, viewport);

    expect(view.center).toEqual(toyota);
    expect(view.referenceLat).toBe(toyota.lat);
    expect((shown.north - shown.south) * kmPerDegree).toBeCloseTo(20, 5);
    expect(view.scale).toBeLessThanOrEqual(maxScale);
  });

  it('fits the results and the search circle together, or the fallback when there is neither', () => {
    const circle = { center: nagoya, km: 30 };
    const target = fitTarget([okazaki], circle, japanBounds);

    expect(target.south).toBeLessThanOrEqual(okazaki.lat);
    expect(target.north).toBeCloseTo(nagoya.lat + 30 / 111.2, 1);
    expect(fitTarget([], null, japanBounds)).toEqual(japanBounds);
    expect(fitTarget([], circle, japanBounds)).toEqual(circleBounds(nagoya, 30));
  });
});

describe('the search circle', () => {
  it('has every point the radius away from its centre', () => {
    for (const point of circlePolygon(nagoya, 30, 24)) {
      expect(distanceKm(nagoya, point)).toBeCloseTo(30, 6);
    }
  });
});

describe('zooming and panning', () => {
  it('keeps the point under the cursor where it is', () => {
    const view = { center: nagoya, scale: 1500, referenceLat: nagoya.lat };
    const anchor: [number, number] = [620, 140];
    const before = invert(view, viewport, ...anchor);
    const zoomed = zoomAt(view, viewport, 2, anchor);
    const after = project(zoomed, viewport, before);

    expect(zoomed.scale).toBe(3000);
    expect(after[0]).toBeCloseTo(anchor[0], 6);
    expect(after[1]).toBeCloseTo(anchor[1], 6);
  });

  it('moves the map with a drag', () => {
    const view = { center: nagoya, scale: 1500, referenceLat: nagoya.lat };
    const moved = pan(view, 100, -50);
    const [x, y] = project(moved, viewport, nagoya);

    expect(x).toBeCloseTo(500, 6);
    expect(y).toBeCloseTo(200, 6);
  });
});

describe('the scale bar', () => {
  it('is a round length no longer than 120 pixels', () => {
    for (const scale of [20, 300, 2000, 9000]) {
      const bar = niceScaleBar(scale);
      expect(bar.pixels).toBeLessThanOrEqual(120);
      expect(bar.pixels).toBeGreaterThan(20);
      expect(bar.label).toMatch(/^(1|2|5)0* (k)?m$/);
    }
  });
});
