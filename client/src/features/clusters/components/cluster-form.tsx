import { useId, type FormEvent, type ReactNode } from 'react';
import { CentrePlacePicker } from '@/components/centre-place-picker';
import { FieldErrorList } from '@/components/field-error-list';
import { SupplierMap } from '@/components/map';
import { TaxonomyPicker } from '@/components/taxonomy-picker';
import { FormAlert } from '@/components/form-alert';
import { errorsFor, unclaimedErrors, type FieldErrors } from '@/lib/field-errors';
import { useI18n } from '@/lib/i18n';
import type { WriteFailure } from '@/lib/write-result';
import { sectors, type ClusterSector } from '../api/types';
import type { ClusterDraft } from '../cluster-draft';
import { ProcessStepsEditor } from './process-steps-editor';

// The API's field names this form shows messages for; others go to the alert above it.
const formFields = ['code', 'nameJa', 'nameEn', 'sector', 'description', 'region', 'valueChain'] as const;

export interface ClusterFormProps {
  draft: ClusterDraft;
  onChange: (draft: ClusterDraft) => void;
  onSubmit: () => void;
  submitLabel: string;
  busy: boolean;
  errors: FieldErrors;
  failure: WriteFailure | null;
  /** After "changed meanwhile": read the cluster again and start the form over. */
  onReload?: () => void;
}

/** A cluster: code, names, sector, description, its region (centre, radius, prefectures) and its value chain in order. */
export function ClusterForm({ draft, onChange, onSubmit, submitLabel, busy, errors, failure, onReload }: ClusterFormProps) {
  const { t } = useI18n();
  const id = useId();
  const domId = (field: string) => `${id}-${field.replace(/\W/g, '-')}`;

  function described(field: string, messages: readonly string[], hint?: string) {
    const ids = [hint ? `${domId(field)}-hint` : '', messages.length > 0 ? `${domId(field)}-errors` : ''].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : undefined;
  }

  function field(
    key: keyof ClusterDraft & string,
    apiField: string,
    label: string,
    options: { hint?: string; required?: boolean; multiline?: boolean; unit?: string; inputMode?: 'decimal' } = {},
  ): ReactNode {
    const messages = errorsFor(errors, apiField);
    const common = {
      id: domId(apiField),
      name: apiField,
      value: draft[key] as string,
      'aria-invalid': messages.length > 0 || undefined,
      'aria-describedby': described(apiField, messages, options.hint),
      'aria-required': options.required || undefined,
    };
    const control = options.multiline ? (
      <textarea {...common} rows={4} onChange={(event) => onChange({ ...draft, [key]: event.target.value })} />
    ) : (
      <input
        {...common}
        type="text"
        inputMode={options.inputMode}
        onChange={(event) =>
          // Coordinates typed by hand are no longer the chosen municipality's.
          onChange({ ...draft, [key]: event.target.value, ...(key === 'lat' || key === 'lon' ? { centrePlace: '' } : {}) })
        }
      />
    );
    return (
      <div className="form__field">
        <label htmlFor={domId(apiField)}>
          {label}
          {options.required && <span className="form__required">{t('form.required')}</span>}
        </label>
        {options.unit ? (
          <div className="input-unit">
            {control}
            <span className="input-unit__unit">{options.unit}</span>
          </div>
        ) : (
          control
        )}
        {options.hint && (
          <p className="form__hint" id={`${domId(apiField)}-hint`}>
            {options.hint}
          </p>
        )}
        <FieldErrorList id={`${domId(apiField)}-errors`} messages={messages} />
      </div>
    );
  }

  const lat = Number(draft.lat);
  const lon = Number(draft.lon);
  const radius = Number(draft.radiusKm);
  const centre = draft.lat.trim() && draft.lon.trim() && Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : null;
  const regionFields = ['region.centre.lat', 'region.centre.lon', 'region.centrePlace', 'region.radiusKm', 'region.prefectures'];
  const regionMessages = errorsFor(errors, 'region').filter((m) => !regionFields.some((f) => errorsFor(errors, f).includes(m)));
  const prefectureMessages = errorsFor(errors, 'region.prefectures');
  const chainMessages = errorsFor(errors, 'valueChain');
  const sectorMessages = errorsFor(errors, 'sector');

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <form className="form cluster-form" aria-label={t('clusters.form.label')} onSubmit={submit} noValidate>
      <div className="cluster-form__grid">
        {field('code', 'code', t('clusters.form.code'), { required: true, hint: t('clusters.form.codeHint') })}
        <div className="form__field">
          <label htmlFor={domId('sector')}>{t('clusters.sector')}</label>
          <select
            id={domId('sector')}
            value={draft.sector}
            aria-invalid={sectorMessages.length > 0 || undefined}
            aria-describedby={described('sector', sectorMessages)}
            onChange={(event) => onChange({ ...draft, sector: event.target.value as ClusterSector })}
          >
            {sectors.map((sector) => (
              <option key={sector} value={sector}>
                {t(`sector.${sector}`)}
              </option>
            ))}
          </select>
          <FieldErrorList id={`${domId('sector')}-errors`} messages={sectorMessages} />
        </div>
        {field('nameJa', 'nameJa', t('clusters.form.nameJa'), { required: true })}
        {field('nameEn', 'nameEn', t('clusters.form.nameEn'))}
      </div>
      {field('description', 'description', t('clusters.description'), { multiline: true })}

      <fieldset className="cluster-form__group">
        <legend>{t('clusters.region')}</legend>
        <p className="form__hint">{t('clusters.form.regionHint')}</p>
        <CentrePlacePicker
          label={t('places.centrePlace')}
          value={draft.centrePlace}
          onPlaced={(placed) =>
            onChange(placed ? { ...draft, centrePlace: placed.code, lat: String(placed.lat), lon: String(placed.lon) } : { ...draft, centrePlace: '' })
          }
          messages={errorsFor(errors, 'region.centrePlace')}
        />
        <div className="cluster-form__grid">
          {field('lat', 'region.centre.lat', t('clusters.form.lat'), { required: true, inputMode: 'decimal' })}
          {field('lon', 'region.centre.lon', t('clusters.form.lon'), { required: true, inputMode: 'decimal' })}
          {field('radiusKm', 'region.radiusKm', t('clusters.form.radius'), { unit: 'km', inputMode: 'decimal' })}
        </div>
        <TaxonomyPicker
          kind="prefectures"
          name="cluster-prefectures"
          multiple
          label={t('clusters.form.prefectures')}
          value={draft.prefectures}
          onChange={(prefectures) => onChange({ ...draft, prefectures })}
          invalid={prefectureMessages.length > 0}
          describedBy={prefectureMessages.length > 0 ? `${domId('region.prefectures')}-errors` : undefined}
        />
        <FieldErrorList id={`${domId('region.prefectures')}-errors`} messages={prefectureMessages} />
        <FieldErrorList id={`${domId('region')}-errors`} messages={regionMessages} />
        <SupplierMap
          points={[]}
          label={t('clusters.form.regionMap')}
          fitKey={`${draft.radiusKm}|${centre ? 'c' : ''}|${draft.centrePlace}`}
          circle={centre && radius > 0 ? { center: centre, km: radius } : null}
          pin={centre}
          onPick={(point) => onChange({ ...draft, centrePlace: '', lat: point.lat.toFixed(4), lon: point.lon.toFixed(4) })}
          pickHint={t('clusters.form.regionPickHint')}
          fallbackPrefecture={draft.prefectures[0] ?? null}
          height={260}
        />
      </fieldset>

      <fieldset className="cluster-form__group">
        <legend>{t('clusters.valueChain')}</legend>
        <p className="form__hint">{t('clusters.form.valueChainHint')}</p>
        <ProcessStepsEditor
          label={t('clusters.valueChain')}
          name="value-chain"
          steps={draft.valueChain}
          onChange={(valueChain) => onChange({ ...draft, valueChain })}
          invalid={chainMessages.length > 0}
          describedBy={chainMessages.length > 0 ? `${domId('valueChain')}-errors` : undefined}
        />
        <FieldErrorList id={`${domId('valueChain')}-errors`} messages={chainMessages} />
      </fieldset>

      {failure && <FormAlert failure={failure} unclaimed={unclaimedErrors(errors, formFields)} onReload={onReload} />}
      <div className="form__actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('form.saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}
