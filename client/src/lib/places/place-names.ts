import { useCallback, useEffect, useState } from 'react';
import { useI18n, type Language } from '@/lib/i18n';
import { listMunicipalities, type Municipality } from './list-municipalities';

// The places data set changes only with a deployment: each prefecture's municipalities are asked for once per page
// load (the API also sends Cache-Control). A failed answer is forgotten, so the next caller asks again.
const cache = new Map<string, Promise<ReadonlyMap<string, Municipality>>>();

/** A prefecture's municipalities by 6-digit code. */
export function loadPrefecturePlaces(prefecture: string): Promise<ReadonlyMap<string, Municipality>> {
  let entry = cache.get(prefecture);
  if (!entry) {
    entry = listMunicipalities({ prefecture }).then((list) => new Map(list.map((m) => [m.code, m])));
    entry.catch(() => cache.delete(prefecture));
    cache.set(prefecture, entry);
  }
  return entry;
}

/** Forgets every loaded prefecture (tests). */
export function clearPlaceCache(): void {
  cache.clear();
}

/** A municipality's name in the UI language: 豊田市, or Toyota-shi. */
export function municipalityName(municipality: Municipality, language: Language): string {
  return language === 'en' ? municipality.nameEn : municipality.nameJa;
}

export type NameOf = (code: string | null | undefined) => string | undefined;

/**
 * Names for municipality codes (6 digits) in the UI language, loading the prefectures of `codes`. Until a prefecture
 * has loaded (or when it failed, or for a code the data set does not know) the name is undefined, and callers show
 * the code: a name is a nicety, the code is still the fact.
 */
export function useMunicipalityNames(codes: readonly (string | null | undefined)[]): NameOf {
  const { language } = useI18n();
  const [places, setPlaces] = useState<ReadonlyMap<string, ReadonlyMap<string, Municipality>>>(new Map());
  const prefectures = [...new Set(codes.filter((c): c is string => !!c && /^\d{6}$/.test(c)).map((c) => c.slice(0, 2)))]
    .sort()
    .join(',');

  useEffect(() => {
    let current = true;
    for (const prefecture of prefectures ? prefectures.split(',') : []) {
      loadPrefecturePlaces(prefecture).then(
        (byCode) => current && setPlaces((previous) => new Map(previous).set(prefecture, byCode)),
        () => undefined,
      );
    }
    return () => {
      current = false;
    };
  }, [prefectures]);

  return useCallback(
    (code: string | null | undefined) => {
      const municipality = code ? places.get(code.slice(0, 2))?.get(code) : undefined;
      return municipality ? municipalityName(municipality, language) : undefined;
    },
    [places, language],
  );
}
