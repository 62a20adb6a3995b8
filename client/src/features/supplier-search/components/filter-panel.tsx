import { useId, type FormEvent, type ReactNode } from 'react';
import { FieldErrorList } from '@/components/field-error-list';
import { MunicipalityPicker } from '@/components/municipality-picker';
import { TaxonomyPicker } from '@/components/taxonomy-picker';
import { errorsFor, unclaimedErrors, type FieldErrors } from '@/lib/field-errors';
import { useI18n } from '@/lib/i18n';
import { useTaxonomy } from '@/lib/taxonomy';
import type { FilterDraft } from '../filter-draft';

// The API's names for the fields this panel shows; messages for any other name go above the button.
const panelFields = [
  'q',
  'process',
  'certification',
  'equipmentType',
  'equipmentMinSpec',
  'fitXMm',
  'fitYMm',
  'fitZMm',
  'toleranceUm',
  'prefecture',
  'near',
  'lat',
  'lon',
  'withinKm',
  'employeesMin',
  'employeesMax',
  'acceptsContractWork',
  'verifiedOnly',
] as const;

type TextField = {
  [K in keyof FilterDraft]: FilterDraft[K] extends string ? K : never;
}[keyof FilterDraft];

/**
 * The search filters. Changes stay in the panel until "search" (or a click on the map) applies them; the API's
 * messages for a filter it refused are shown under that filter.
 */
export function FilterPanel({
  draft,
  onChange,
  onSubmit,
  onClear,
  errors,
}: {
  draft: FilterDraft;
  onChange: (draft: FilterDraft) => void;
  onSubmit: () => void;
  onClear: () => void;
  errors: FieldErrors;
}) {
  const { t } = useI18n();
  const id = useId();
  const prefectures = useTaxonomy('prefectures');
  const equipmentTypes = useTaxonomy('equipment_types');
  const keySpec =
    equipmentTypes.state.kind === 'ready' && draft.equipmentType[0]
      ? equipmentTypes.state.index.byCode.get(draft.equipmentType[0])?.keySpec
      : undefined;

  const set = <K extends keyof FilterDraft>(key: K, value: FilterDraft[K]) => onChange({ ...draft, [key]: value });
  const errorId = (field: string) => `${id}-${field}-errors`;
  const described = (field: string) => (errorsFor(errors, field).length > 0 ? errorId(field) : undefined);

  function numberInput(field: TextField, label: ReactNode, unit?: string) {
    const messages = errorsFor(errors, field);
    return (
      <div className="form__field">
        <label htmlFor={`${id}-${field}`}>{label}</label>
        <div className="input-unit">
          <input
            id={`${id}-${field}`}
            name={field}
            inputMode="decimal"
            value={draft[field]}
            onChange={(event) => set(field, event.target.value)}
            aria-invalid={messages.length > 0 || undefined}
            aria-describedby={described(field)}
          />
          {unit && <span className="input-unit__unit">{unit}</span>}
        </div>
        <FieldErrorList id={errorId(field)} messages={messages} />
      </div>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }

  const other = unclaimedErrors(errors, panelFields);

  return (
    <form className="form filter-panel" onSubmit={submit} aria-label={t('search.filters')} noValidate>
      <div className="form__field">
        <label htmlFor={`${id}-q`}>{t('search.q')}</label>
        <input
          id={`${id}-q`}
          name="q"
          type="search"
          value={draft.q}
          placeholder={t('search.qPlaceholder')}
          onChange={(event) => set('q', event.target.value)}
          aria-invalid={errorsFor(errors, 'q').length > 0 || undefined}
          aria-describedby={described('q')}
        />
        <FieldErrorList id={errorId('q')} messages={errorsFor(errors, 'q')} />
      </div>

      <div className="form__field">
        <TaxonomyPicker
          kind="processes"
          name="process"
          label={t('search.process')}
          multiple
          value={draft.process}
          onChange={(codes) => set('process', codes)}
          placeholder={t('search.processPlaceholder')}
          invalid={errorsFor(errors, 'process').length > 0}
          describedBy={described('process')}
        />
        <FieldErrorList id={errorId('process')} messages={errorsFor(errors, 'process')} />
      </div>

      <div className="form__field">
        <TaxonomyPicker
          kind="certifications"
          name="certification"
          label={t('search.certification')}
          multiple
          value={draft.certification}
          onChange={(codes) => set('certification', codes)}
          placeholder={t('search.certificationPlaceholder')}
          invalid={errorsFor(errors, 'certification').length > 0}
          describedBy={described('certification')}
        />
        <FieldErrorList id={errorId('certification')} messages={errorsFor(errors, 'certification')} />
      </div>

      <fieldset className="form__group">
        <legend>{t('search.equipment')}</legend>
        <TaxonomyPicker
          kind="equipment_types"
          name="equipmentType"
          label={t('search.equipmentType')}
          value={draft.equipmentType}
          onChange={(codes) => set('equipmentType', codes)}
          invalid={errorsFor(errors, 'equipmentType').length > 0}
          describedBy={described('equipmentType')}
        />
        <FieldErrorList id={errorId('equipmentType')} messages={errorsFor(errors, 'equipmentType')} />
        {draft.equipmentType[0] &&
          numberInput(
            'equipmentMinSpec',
            keySpec ? t('search.equipmentMinSpecOf', { spec: keySpec.label }) : t('search.equipmentMinSpec'),
            keySpec?.unit,
          )}
      </fieldset>

      <fieldset className="form__group">
        <legend>{t('search.envelope')}</legend>
        <div className="form__row">
          {numberInput('fitXMm', 'X', 'mm')}
          {numberInput('fitYMm', 'Y', 'mm')}
          {numberInput('fitZMm', 'Z', 'mm')}
        </div>
        {numberInput('toleranceUm', t('search.tolerance'), 'µm')}
      </fieldset>

      <div className="form__field">
        <label htmlFor={`${id}-prefecture`}>{t('search.prefecture')}</label>
        <select
          id={`${id}-prefecture`}
          name="prefecture"
          value={draft.prefecture}
          onChange={(event) => set('prefecture', event.target.value)}
          aria-describedby={described('prefecture')}
        >
          <option value="">{t('search.anyPrefecture')}</option>
          {prefectures.state.kind === 'ready' &&
            prefectures.state.index.terms.map((term) => (
              <option key={term.code} value={term.code}>
                {term.label}
              </option>
            ))}
        </select>
        {prefectures.state.kind === 'error' && <p className="form__errors">{t('search.taxonomyError')}</p>}
        <FieldErrorList id={errorId('prefecture')} messages={errorsFor(errors, 'prefecture')} />
      </div>

      <fieldset className="form__group">
        <legend>{t('search.point')}</legend>
        <p className="muted form__hint">{t('search.pointHint')}</p>
        <div className="form__field">
          <MunicipalityPicker
            name="near"
            label={t('search.near')}
            value={draft.near}
            onChange={(municipality) => onChange({ ...draft, near: municipality?.code ?? '', lat: '', lon: '' })}
            invalid={errorsFor(errors, 'near').length > 0}
            describedBy={described('near')}
          />
          <FieldErrorList id={errorId('near')} messages={errorsFor(errors, 'near')} />
        </div>
        {!draft.near && (
          <div className="form__row">
            {numberInput('lat', t('search.lat'))}
            {numberInput('lon', t('search.lon'))}
          </div>
        )}
        {numberInput('withinKm', t('search.withinKm'), 'km')}
        {(draft.near || draft.lat || draft.lon) && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => onChange({ ...draft, near: '', lat: '', lon: '', withinKm: '' })}
          >
            {t('search.clearPoint')}
          </button>
        )}
      </fieldset>

      <fieldset className="form__group">
        <legend>{t('search.employees')}</legend>
        <div className="form__row">
          {numberInput('employeesMin', t('search.min'), t('search.people'))}
          {numberInput('employeesMax', t('search.max'), t('search.people'))}
        </div>
      </fieldset>

      <label className="form__check">
        <input
          type="checkbox"
          name="acceptsContractWork"
          checked={draft.acceptsContractWork}
          onChange={(event) => set('acceptsContractWork', event.target.checked)}
        />
        {t('search.acceptsContractWork')}
      </label>
      <label className="form__check">
        <input
          type="checkbox"
          name="verifiedOnly"
          checked={draft.verifiedOnly}
          onChange={(event) => set('verifiedOnly', event.target.checked)}
        />
        {t('search.verifiedOnly')}
      </label>

      {other.length > 0 && (
        <ul className="form__errors" role="alert">
          {other.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}

      <div className="form__actions">
        <button type="submit" className="button">
          {t('search.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClear}>
          {t('search.clear')}
        </button>
      </div>
    </form>
  );
}
