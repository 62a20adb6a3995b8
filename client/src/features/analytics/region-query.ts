import type { RegionQuery } from './api/types';

function numberParam(params: URLSearchParams, name: string): number | undefined {
  const text = params.get(name);
  if (text === null || text.trim() === '') {
    return undefined;
  }
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** The dashboard's region from its URL (?prefecture=23&prefecture=21&lat=…&lon=…&withinKm=…), so a view can be shared. */
export function regionFromParams(params: URLSearchParams): RegionQuery {
  return {
    prefecture: params.getAll('prefecture').filter((code) => /^\d{2}$/.test(code)),
    lat: numberParam(params, 'lat'),
    lon: numberParam(params, 'lon'),
    withinKm: numberParam(params, 'withinKm'),
  };
}

export function regionToParams(query: RegionQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const code of query.prefecture) {
    params.append('prefecture', code);
  }
  if (query.lat !== undefined && query.lon !== undefined) {
    params.set('lat', String(query.lat));
    params.set('lon', String(query.lon));
    if (query.withinKm !== undefined) {
      params.set('withinKm', String(query.withinKm));
    }
  }
  return params;
}

/** A stable text for a region: the key the coverage is loaded under. */
export function regionKey(query: RegionQuery): string {
  return regionToParams(query).toString();
}

/** A share as a whole percent of `of`, or null when there is nothing to share out. */
export function share(part: number, of: number): number | null {
  return of > 0 ? Math.round((part / of) * 1000) / 10 : null;
}
