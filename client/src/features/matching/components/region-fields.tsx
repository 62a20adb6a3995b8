import { LoadingState } from '@/components/async-state';
import { CentrePlacePicker } from '@/components/centre-place-picker';
import { FieldErrorList } from '@/components/field-error-list';
import { SupplierMap } from '@/components/map';
import { belongsTo, errorsFor, type FieldErrors } from '@/lib/field-errors';
import { useI18n } from '@/lib/i18n';
import { useTaxonomy } from '@/lib/taxonomy';
import type { RequestDraft } from '../request-draft';
import { DraftField } from '@/components/draft-field';

// The region's own fields; the API names the centre's `region.lat` as well as `region.centre.lat`.
const latFields = ['region.centre.lat', 'region.lat'];
const lonFields = ['region.centre.lon', 'region.lon'];
const ownFields = [...latFields, ...lonFields, 'region.centrePlace', 'region.radiusKm', 'region.prefectures'];

export interface RegionFieldsProps {
  draft: RequestDraft;
  onChange: (draft: RequestDraft) => void;
  errors: FieldErrors;
  domId: (field: string) => string;
}

/**
 * Where the suppliers must be: the centre (the delivery point, also picked on the map), a radius around it, prefectures,
 * or both. A message for the region as a whole ("give a radius, prefectures, or both") is shown above its fields.
 */
export function RegionFields({ draft, onChange, errors, domId }: RegionFieldsProps) {
  const { t } = useI18n();
  const whole = Object.entries(errors)
    .filter(([key]) => belongsTo(key, 'region') && !ownFields.some((field) => belongsTo(key, field)))
    .flatMap(([, messages]) => messages);
  const wholeId = `${domId('region')}-errors`;
  const lat = Number(draft.lat);
  const lon = Number(draft.lon);
  const radius = Number(draft.radiusKm);
  const centre = draft.lat && draft.lon && Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : null;
  const circle = centre && draft.radiusKm.trim() && radius > 0 ? { center: centre, km: radius } : null;

  return (
    <fieldset aria-describedby={whole.length > 0 ? wholeId : undefined}>
      <legend>{t('matching.region')}</legend>
      <p className="muted form__hint">{t('matching.regionLead')}</p>
      <FieldErrorList id={wholeId} messages={whole} />
      <CentrePlacePicker
        label={t('places.centrePlace')}
        value={draft.centrePlace}
        onPlaced={(placed) =>
          onChange(placed ? { ...draft, centrePlace: placed.code, lat: String(placed.lat), lon: String(placed.lon) } : { ...draft, centrePlace: '' })
        }
        messages={errorsFor(errors, 'region.centrePlace')}
      />
      <div className="request-form__grid">
        <DraftField
          id={domId('region.centre.lat')}
          name="region.centre.lat"
          label={t('matching.lat')}
          value={draft.lat}
          onChange={(value) => onChange({ ...draft, centrePlace: '', lat: value })}
          messages={latFields.flatMap((field) => errorsFor(errors, field))}
          type="number"
        />
        <DraftField
          id={domId('region.centre.lon')}
          name="region.centre.lon"
          label={t('matching.lon')}
          value={draft.lon}
          onChange={(value) => onChange({ ...draft, centrePlace: '', lon: value })}
          messages={lonFields.flatMap((field) => errorsFor(errors, field))}
          type="number"
        />
        <DraftField
          id={domId('region.radiusKm')}
          name="region.radiusKm"
          label={t('matching.radius')}
          value={draft.radiusKm}
          onChange={(radiusKm) => onChange({ ...draft, radiusKm })}
          messages={errorsFor(errors, 'region.radiusKm')}
          type="number"
          unit="km"
          hint={t('matching.radiusHint')}
        />
      </div>
      <PrefectureChoice
        value={draft.prefectures}
        onChange={(prefectures) => onChange({ ...draft, prefectures })}
        messages={errorsFor(errors, 'region.prefectures')}
        errorId={`${domId('region.prefectures')}-errors`}
      />
      <SupplierMap
        points={[]}
        label={t('matching.region')}
        fitKey={`${draft.radiusKm}|${draft.prefectures.join(',')}|${draft.centrePlace}`}
        circle={circle}
        pin={centre}
        fallbackPrefecture={circle ? null : (draft.prefectures[0] ?? null)}
        onPick={(point) => onChange({ ...draft, centrePlace: '', lat: point.lat.toFixed(4), lon: point.lon.toFixed(4) })}
        pickHint={t('matching.regionHint')}
        height={280}
      />
    </fieldset>
  );
}

/** The prefectures of the taxonomy as checkboxes, in JIS order; any number may be chosen. */
function PrefectureChoice({
  value,
  onChange,
  messages,
  errorId,
}: {
  value: readonly string[];
  onChange: (codes: string[]) => void;
  messages: readonly string[];
  errorId: string;
}) {
  const { t } = useI18n();
  const prefectures = useTaxonomy('prefectures');
  const toggle = (code: string, on: boolean) => {
    const next = new Set(value);
    if (on) {
      next.add(code);
    } else {
      next.delete(code);
    }
    // Kept in the taxonomy's order, so the body does not depend on the order of the clicks.
    const order = prefectures.state.kind === 'ready' ? prefectures.state.index.terms.map((term) => term.code) : [...next];
    onChange(order.filter((c) => next.has(c)));
  };
  return (
    <fieldset className="prefecture-choice" aria-describedby={messages.length > 0 ? errorId : undefined} data-testid="prefecture-choice">
      <legend>
        {t('matching.prefectures')}{' '}
        <span className="muted" data-testid="prefectures-chosen">
          {t('matching.prefecturesChosen', { count: value.length })}
        </span>
      </legend>
      {prefectures.state.kind === 'loading' && <LoadingState />}
      {prefectures.state.kind === 'error' && (
        <p className="form__errors">
          {t('matching.prefecturesError')}{' '}
          <button type="button" className="button button--secondary button--small" onClick={prefectures.reload}>
            {t('list.retry')}
          </button>
        </p>
      )}
      {prefectures.state.kind === 'ready' && (
        <div className="prefecture-choice__list">
          {prefectures.state.index.terms.map((term) => (
            <label key={term.code} className="form__check">
              <input
                type="checkbox"
                name="region.prefectures"
                value={term.code}
                checked={value.includes(term.code)}
                aria-invalid={messages.length > 0 || undefined}
                onChange={(event) => toggle(term.code, event.target.checked)}
              />
              {term.label}
            </label>
          ))}
        </div>
      )}
      <FieldErrorList id={errorId} messages={messages} />
    </fieldset>
  );
}
