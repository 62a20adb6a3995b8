import { useCallback } from 'react';
import { formatNumber, useI18n } from '@/lib/i18n';
import { useMunicipalityNames } from './place-names';

/** A region's centre and radius as the API answers them. */
export interface RegionLike {
  centre?: { lat: number; lon: number } | null;
  centrePlace?: string | null;
  radiusKm?: number | null;
}

/**
 * Regions as people say them: "豊田市から 30 km" (or "〒471-0025 から 30 km") for a region centred on a place, and
 * undefined for one given by coordinates only, which the caller words itself.
 */
export function useRegionLabel(regions: readonly (RegionLike | null | undefined)[]): (region: RegionLike) => string | undefined {
  const { t, language } = useI18n();
  const nameOf = useMunicipalityNames(regions.map((r) => r?.centrePlace));
  return useCallback(
    (region: RegionLike) => {
      const code = region.centrePlace;
      if (!code) {
        return undefined;
      }
      const place = /^\d{3}-\d{4}$/.test(code) ? `〒${code}` : (nameOf(code) ?? code);
      return region.radiusKm != null
        ? t('places.fromCentre', { place, km: formatNumber(region.radiusKm, language) })
        : t('places.centredOn', { place });
    },
    [nameOf, t, language],
  );
}
