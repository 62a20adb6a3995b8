import { useId, useState } from 'react';
import { useI18n } from '@/lib/i18n';
import { getPlaceCentre } from '@/lib/places';
import { ApiError } from '@/lib/problem';
import { FieldErrorList } from './field-error-list';
import { MunicipalityPicker } from './municipality-picker';

export interface PlacedCentre {
  /** The municipality's 6-digit code (the region's centrePlace). */
  code: string;
  lat: number;
  lon: number;
}

/**
 * A region's centre chosen as a municipality (豊田, とよた, toyota) instead of coordinates: the places API gives its
 * position (the mean of the registry's published sites there), which fills the centre. Where the registry has no
 * site, its message is shown and the centre stays as it was.
 */
export function CentrePlacePicker({
  label,
  value,
  onPlaced,
  messages,
}: {
  label: string;
  /** The chosen municipality's code, or ''. */
  value: string;
  onPlaced: (centre: PlacedCentre | null) => void;
  /** The API's messages for the region's centrePlace. */
  messages: readonly string[];
}) {
  const { t, language } = useI18n();
  const errorId = `${useId()}-errors`;
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function choose(code: string | null) {
    setProblem(null);
    if (!code) {
      onPlaced(null);
      return;
    }
    setBusy(true);
    try {
      const found = await getPlaceCentre(code, language);
      onPlaced({ code, lat: found.centre.lat, lon: found.centre.lon });
    } catch (error) {
      const fields = error instanceof ApiError ? error.problem?.errors?.near : undefined;
      setProblem(fields?.[0] ?? t('places.centreFailed'));
    } finally {
      setBusy(false);
    }
  }

  const shown = problem ? [problem, ...messages] : messages;
  return (
    <div className="form__field" aria-busy={busy || undefined}>
      <MunicipalityPicker
        name="centrePlace"
        label={label}
        value={value}
        onChange={(municipality) => void choose(municipality?.code ?? null)}
        invalid={shown.length > 0}
        describedBy={shown.length > 0 ? errorId : undefined}
      />
      <FieldErrorList id={errorId} messages={shown} />
    </div>
  );
}
