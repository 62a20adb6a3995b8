import { boundsOf, type Bounds, type LatLon } from './projection';

/** A prefecture's outline: JIS X 0401 code, rings of points, and its bounding box. */
export interface PrefectureOutline {
  code: string;
  rings: LatLon[][];
  bounds: Bounds;
}

/** Undoes the build-time encoding (scripts/japan-prefectures.ts): deltas in thousandths of a degree. */
export function decodeRing(ring: readonly number[]): LatLon[] {
  const points: LatLon[] = [];
  let x = 0;
  let y = 0;
  for (let i = 0; i + 1 < ring.length; i += 2) {
    x += ring[i]!;
    y += ring[i + 1]!;
    points.push({ lon: x / 1000, lat: y / 1000 });
  }
  return points;
}

export function decodePrefectures(encoded: readonly { code: string; rings: number[][] }[]): PrefectureOutline[] {
  return encoded.map(({ code, rings }) => {
    const decoded = rings.map(decodeRing);
    return { code, rings: decoded, bounds: boundsOf(decoded.flat())! };
  });
}

let loading: Promise<PrefectureOutline[]> | null = null;

/**
 * The outlines, bundled with the app as a chunk of their own (about 80 kB) that is loaded the first time a map is
 * shown — from this origin, like the rest of the app: nothing is fetched from elsewhere.
 */
export function loadPrefectureOutlines(): Promise<PrefectureOutline[]> {
  loading ??= import('virtual:japan-prefectures').then((module) => decodePrefectures(module.default));
  return loading;
}

/** The bounding box of a prefecture (JIS code) among loaded outlines, if it is one. */
export function prefectureBounds(outlines: readonly PrefectureOutline[], code: string | null | undefined): Bounds | null {
  return outlines.find((outline) => outline.code === code)?.bounds ?? null;
}
