import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '@/lib/i18n';
import { getPostalArea } from '@/lib/places';
import { ApiError } from '@/lib/problem';
import type { SiteFacts } from '../site-facts';

export type PostalFill =
  | { kind: 'idle' }
  | { kind: 'looking' }
  | { kind: 'filled'; address: string; kept: boolean }
  | { kind: 'unknown'; postalCode: string }
  | { kind: 'failed' };

/** The seven digits of a postal code as typed (4710025, 471-0025, ４７１－００２５, 〒471-0025), or null. */
export function postalDigits(value: string): string | null {
  const match = /^〒?\s*(\d{3})[-‐−ー\s]?(\d{4})$/.exec(value.normalize('NFKC').trim());
  return match ? `${match[1]}${match[2]}` : null;
}

/**
 * The postal code field of the site editor: once seven digits are typed, the places API's answer (Japan Post's
 * KEN_ALL, offline in the service) fills the prefecture, the municipality and the start of the address. An address
 * someone typed is kept; one the last postal code filled in is replaced.
 */
export function usePostalFill(facts: SiteFacts, onChange: (facts: SiteFacts) => void) {
  const { language } = useI18n();
  const latest = useRef({ facts, onChange });
  const filledAddress = useRef<string | null>(null);
  const asked = useRef<AbortController | null>(null);
  const [state, setState] = useState<PostalFill>({ kind: 'idle' });

  useEffect(() => {
    latest.current = { facts, onChange };
  });
  useEffect(() => () => asked.current?.abort(), []);

  const setPostalCode = useCallback(
    (value: string) => {
      const { facts: before, onChange: change } = latest.current;
      change({ ...before, postalCode: value });
      latest.current = { facts: { ...before, postalCode: value }, onChange: change };
      asked.current?.abort();
      const digits = postalDigits(value);
      if (!digits) {
        setState({ kind: 'idle' });
        return;
      }
      const controller = new AbortController();
      asked.current = controller;
      setState({ kind: 'looking' });
      getPostalArea(digits, language, controller.signal).then(
        (area) => {
          const first = area.places[0];
          if (controller.signal.aborted || !first) {
            return;
          }
          const { facts: now, onChange: update } = latest.current;
          const municipality = first.municipality;
          const oneMunicipality = area.places.every((place) => place.municipality.code === municipality.code);
          const address = area.places.length === 1 ? first.address : `${municipality.prefecture.nameJa}${oneMunicipality ? municipality.nameJa : ''}`;
          const replace = !now.address.trim() || now.address === filledAddress.current;
          filledAddress.current = replace ? address : filledAddress.current;
          update({
            ...now,
            postalCode: area.postalCode,
            prefectureCode: municipality.prefecture.code,
            municipalityCode: oneMunicipality ? municipality.code : now.municipalityCode,
            address: replace ? address : now.address,
          });
          setState({ kind: 'filled', address, kept: !replace });
        },
        (error: unknown) => {
          if (!controller.signal.aborted) {
            setState(error instanceof ApiError && error.status === 404 ? { kind: 'unknown', postalCode: value } : { kind: 'failed' });
          }
        },
      );
    },
    [language],
  );

  return { state, setPostalCode };
}
