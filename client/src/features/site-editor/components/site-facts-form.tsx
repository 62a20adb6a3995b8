import { useId, type FormEvent, type ReactNode } from 'react';
import { disclosureLevels } from '@/components/disclosure-badge';
import { FieldErrorList } from '@/components/field-error-list';
import { FormAlert } from '@/components/form-alert';
import { SupplierMap } from '@/components/map';
import { TaxonomyPicker } from '@/components/taxonomy-picker';
import { WriteAlert } from '@/components/write-alert';
import { errorsFor, unclaimedErrors, type FieldErrors } from '@/lib/field-errors';
import { useI18n, type MessageKey } from '@/lib/i18n';
import { useMunicipalityNames } from '@/lib/places';
import { useTaxonomy } from '@/lib/taxonomy';
import type { WriteFailure } from '@/lib/write-result';
import { usePostalFill } from '../hooks/use-postal-fill';
import { sections, type SiteFacts } from '../site-facts';

// Every field name (the API's) that this form shows messages for; others go to the alert above it.
const formFields = [
  'nameJa',
  'nameEn',
  'nameKana',
  'corporateNumber',
  'postalCode',
  'prefectureCode',
  'municipalityCode',
  'address',
  'location',
  'employees',
  'foundedYear',
  'capitalJpy',
  'industryCodes',
  'website',
  'descriptionJa',
  'descriptionEn',
  'strengths',
  'digitalReadiness',
  'contact',
  'capacity',
  'challenges',
  'disclosure',
] as const;

export interface SiteFactsFormProps {
  facts: SiteFacts;
  onChange: (facts: SiteFacts) => void;
  onSubmit: () => void;
  submitting: boolean;
  submitLabel: string;
  /** Messages by field: the API's, and the browser's own checks. */
  errors: FieldErrors;
  failure: WriteFailure | null;
  onReload?: () => void;
  saved?: boolean;
}

/**
 * A site's facts, its capacity and challenges, its contact and the disclosure level of each of its seven sections.
 * The API validates; its messages are shown under the fields they concern.
 */
export function SiteFactsForm({
  facts,
  onChange,
  onSubmit,
  submitting,
  submitLabel,
  errors,
  failure,
  onReload,
  saved = false,
}: SiteFactsFormProps) {
  const { t } = useI18n();
  const id = useId();
  const prefectures = useTaxonomy('prefectures');
  const postal = usePostalFill(facts, onChange);
  const municipalityName = useMunicipalityNames([facts.municipalityCode])(facts.municipalityCode);

  const errorId = (field: string) => `${id}-${field.replace(/\W/g, '-')}-errors`;
  const fieldState = (field: string) => {
    const messages = errorsFor(errors, field);
    return {
      messages,
      props: {
        id: `${id}-${field.replace(/\W/g, '-')}`,
        'aria-invalid': messages.length > 0 || undefined,
        'aria-describedby': messages.length > 0 ? errorId(field) : undefined,
      },
    };
  };

  function field(
    name: string,
    label: string,
    value: string,
    set: (value: string) => void,
    options: { type?: string; required?: boolean; multiline?: boolean; unit?: string; hint?: string; inputMode?: 'decimal' | 'numeric' } = {},
  ): ReactNode {
    const { messages, props } = fieldState(name);
    const control = options.multiline ? (
      <textarea {...props} name={name} rows={3} value={value} onChange={(event) => set(event.target.value)} />
    ) : (
      <input
        {...props}
        name={name}
        type={options.type ?? 'text'}
        inputMode={options.inputMode}
        required={options.required}
        value={value}
        onChange={(event) => set(event.target.value)}
      />
    );
    return (
      <div className="form__field" key={name}>
        <label htmlFor={props.id}>
          {label}
          {options.required && <span className="form__required"> {t('form.required')}</span>}
        </label>
        {options.unit ? (
          <div className="input-unit">
            {control}
            <span className="input-unit__unit">{options.unit}</span>
          </div>
        ) : (
          control
        )}
        {options.hint && <p className="muted form__hint">{options.hint}</p>}
        <FieldErrorList id={errorId(name)} messages={messages} />
      </div>
    );
  }

  const set = <K extends keyof SiteFacts>(key: K) => (value: SiteFacts[K]) => onChange({ ...facts, [key]: value });
  const setText = (key: keyof SiteFacts) => (value: string) => onChange({ ...facts, [key]: value });
  const setNested =
    <K extends 'contact' | 'capacity' | 'challenges'>(group: K, key: keyof SiteFacts[K]) =>
    (value: string) =>
      onChange({ ...facts, [group]: { ...facts[group], [key]: value } });

  const lat = Number(facts.lat);
  const lon = Number(facts.lon);
  const location = facts.lat && facts.lon && Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }

  const prefectureState = fieldState('prefectureCode');
  const industries = fieldState('industryCodes');
  const locationMessages = errorsFor(errors, 'location');
  const contract = fieldState('capacity.contractAcceptance');

  return (
    <form className="form site-form" onSubmit={submit} noValidate aria-busy={submitting} data-testid="site-facts-form">

      <fieldset className="form__group">
        <legend>{t('editor.basics')}</legend>
        {field('nameJa', t('facts.nameJa'), facts.nameJa, setText('nameJa'), { required: true })}
        {field('nameEn', t('facts.nameEn'), facts.nameEn, setText('nameEn'))}
        {field('nameKana', t('facts.nameKana'), facts.nameKana, setText('nameKana'))}
        {field('corporateNumber', t('facts.corporateNumber'), facts.corporateNumber, setText('corporateNumber'), {
          inputMode: 'numeric',
          hint: t('facts.corporateNumberHint'),
        })}
        <div className="form__field">
          <TaxonomyPicker
            kind="industries"
            name="industryCodes"
            label={t('facts.industries')}
            multiple
            value={facts.industryCodes}
            onChange={set('industryCodes')}
            invalid={industries.messages.length > 0}
            describedBy={industries.props['aria-describedby']}
          />
          <FieldErrorList id={errorId('industryCodes')} messages={industries.messages} />
        </div>
        <div className="form__row">
          {field('employees', t('facts.employees'), facts.employees, setText('employees'), { inputMode: 'numeric', unit: t('search.people') })}
          {field('foundedYear', t('facts.foundedYear'), facts.foundedYear, setText('foundedYear'), { inputMode: 'numeric' })}
          {field('capitalJpy', t('facts.capital'), facts.capitalJpy, setText('capitalJpy'), { inputMode: 'numeric', unit: t('facts.yenUnit') })}
        </div>
        {field('website', t('facts.website'), facts.website, setText('website'), { type: 'url' })}
      </fieldset>

      <fieldset className="form__group">
        <legend>{t('editor.place')}</legend>
        <div className="form__row">
          {field('postalCode', t('facts.postalCode'), facts.postalCode, postal.setPostalCode, {
            hint: t('facts.postalCodeHint'),
            inputMode: 'numeric',
          })}
          <div className="form__field">
            <label htmlFor={prefectureState.props.id}>
              {t('facts.prefecture')}
              <span className="form__required"> {t('form.required')}</span>
            </label>
            <select
              {...prefectureState.props}
              name="prefectureCode"
              value={facts.prefectureCode}
              onChange={(event) => onChange({ ...facts, prefectureCode: event.target.value })}
            >
              <option value="">{t('form.choose')}</option>
              {prefectures.state.kind === 'ready' &&
                prefectures.state.index.terms.map((term) => (
                  <option key={term.code} value={term.code}>
                    {term.label}
                  </option>
                ))}
            </select>
            <FieldErrorList id={errorId('prefectureCode')} messages={prefectureState.messages} />
          </div>
          {field('municipalityCode', t('facts.municipalityCode'), facts.municipalityCode, setText('municipalityCode'), {
            inputMode: 'numeric',
            hint: municipalityName ?? t('facts.municipalityCodeHint'),
          })}
        </div>
        {postal.state.kind !== 'idle' && (
          <p className={postal.state.kind === 'unknown' || postal.state.kind === 'failed' ? 'form__hint form__warning' : 'muted form__hint'} role="status" data-testid="postal-fill">
            {postal.state.kind === 'looking' && t('places.postalLooking')}
            {postal.state.kind === 'filled' &&
              t(postal.state.kept ? 'places.postalFilledKept' : 'places.postalFilled', { address: postal.state.address })}
            {postal.state.kind === 'unknown' && t('places.postalUnknown', { code: postal.state.postalCode })}
            {postal.state.kind === 'failed' && t('places.postalFailed')}
          </p>
        )}
        {field('address', t('facts.address'), facts.address, setText('address'))}
        <div className="form__row">
          {field('location.lat', t('search.lat'), facts.lat, setText('lat'), { inputMode: 'decimal' })}
          {field('location.lon', t('search.lon'), facts.lon, setText('lon'), { inputMode: 'decimal' })}
        </div>
        <FieldErrorList id={errorId('location')} messages={locationMessages.filter((m) => !errorsFor(errors, 'location.lat').includes(m) && !errorsFor(errors, 'location.lon').includes(m))} />
        <SupplierMap
          points={location ? [{ id: 'site', position: location, label: facts.nameJa }] : []}
          label={t('editor.locationMap')}
          fitKey={location ? 'located' : 'unlocated'}
          highlightedId="site"
          minSpanKm={30}
          height={260}
          pickHint={t('editor.locationPickHint')}
          onPick={(point) => onChange({ ...facts, lat: point.lat.toFixed(6), lon: point.lon.toFixed(6) })}
        />
      </fieldset>

      <fieldset className="form__group">
        <legend>{t('editor.about')}</legend>
        {field('descriptionJa', t('facts.descriptionJa'), facts.descriptionJa, setText('descriptionJa'), { multiline: true })}
        {field('descriptionEn', t('facts.descriptionEn'), facts.descriptionEn, setText('descriptionEn'), { multiline: true })}
        {field('strengths', t('facts.strengths'), facts.strengths, setText('strengths'), { multiline: true })}
        <div className="form__checks" role="group" aria-label={t('facts.digital')}>
          {(['edi', 'onlineOrdering', 'faxOnly'] as const).map((key) => (
            <label key={key} className="form__check">
              <input
                type="checkbox"
                name={`digitalReadiness.${key}`}
                checked={facts.digitalReadiness[key]}
                onChange={(event) =>
                  onChange({ ...facts, digitalReadiness: { ...facts.digitalReadiness, [key]: event.target.checked } })
                }
              />
              {t(`digital.${key}`)}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="form__group">
        <legend>{t('section.contact')}</legend>
        {field('contact.name', t('contact.name'), facts.contact.name, setNested('contact', 'name'))}
        {field('contact.email', t('contact.email'), facts.contact.email, setNested('contact', 'email'), { type: 'email' })}
        {field('contact.phone', t('contact.phone'), facts.contact.phone, setNested('contact', 'phone'), { type: 'tel' })}
      </fieldset>

      <fieldset className="form__group">
        <legend>{t('section.capacity')}</legend>
        <div className="form__field">
          <label htmlFor={contract.props.id}>{t('capacity.contractAcceptance')}</label>
          <select
            {...contract.props}
            name="capacity.contractAcceptance"
            value={facts.capacity.contractAcceptance}
            onChange={(event) =>
              onChange({
                ...facts,
                capacity: { ...facts.capacity, contractAcceptance: event.target.value as SiteFacts['capacity']['contractAcceptance'] },
              })
            }
          >
            {(['open', 'limited', 'closed'] as const).map((value) => (
              <option key={value} value={value}>
                {t(`contract.${value}`)}
              </option>
            ))}
          </select>
          <FieldErrorList id={errorId('capacity.contractAcceptance')} messages={contract.messages} />
        </div>
        <div className="form__row">
          {field('capacity.spareCapacityPct', t('capacity.spare'), facts.capacity.spareCapacityPct, setNested('capacity', 'spareCapacityPct'), {
            inputMode: 'numeric',
            unit: '%',
          })}
          {field(
            'capacity.spareCapacityValidUntil',
            t('capacity.spareValidUntil'),
            facts.capacity.spareCapacityValidUntil,
            setNested('capacity', 'spareCapacityValidUntil'),
            { type: 'date', hint: t('capacity.spareValidUntilHint') },
          )}
        </div>
        <div className="form__row">
          {field('capacity.typicalLeadDays', t('capacity.typicalLeadDays'), facts.capacity.typicalLeadDays, setNested('capacity', 'typicalLeadDays'), {
            inputMode: 'numeric',
            unit: t('capability.daysUnit'),
          })}
          {field('capacity.minLot', t('capacity.minLot'), facts.capacity.minLot, setNested('capacity', 'minLot'), { inputMode: 'numeric' })}
        </div>
      </fieldset>

      <fieldset className="form__group">
        <legend>{t('section.challenges')}</legend>
        {field('challenges.weaknesses', t('challenges.weaknesses'), facts.challenges.weaknesses, setNested('challenges', 'weaknesses'), {
          multiline: true,
        })}
        {field('challenges.challenges', t('challenges.challenges'), facts.challenges.challenges, setNested('challenges', 'challenges'), {
          multiline: true,
        })}
      </fieldset>

      <fieldset className="form__group disclosure" data-testid="disclosure">
        <legend>{t('editor.disclosure')}</legend>
        <p className="muted form__hint">{t('editor.disclosureHint')}</p>
        {sections.map((section) => {
          const messages = errorsFor(errors, `disclosure.${section}`);
          return (
            <fieldset key={section} className="disclosure__row" data-testid={`disclosure-${section}`}>
              <legend>{t(`section.${section}` as MessageKey)}</legend>
              {disclosureLevels.map((level) => (
                <label key={level} className="form__check">
                  <input
                    type="radio"
                    name={`disclosure.${section}`}
                    value={level}
                    checked={facts.disclosure[section] === level}
                    aria-invalid={messages.length > 0 || undefined}
                    aria-describedby={messages.length > 0 ? errorId(`disclosure.${section}`) : undefined}
                    onChange={() => onChange({ ...facts, disclosure: { ...facts.disclosure, [section]: level } })}
                  />
                  {t(`disclosure.${level}`)}
                </label>
              ))}
              <FieldErrorList id={errorId(`disclosure.${section}`)} messages={messages} />
            </fieldset>
          );
        })}
      </fieldset>

      {/* Next to the button: a failed save of this long form is said where the user is, and focus goes to the first field. */}
      {failure && <FormAlert failure={failure} unclaimed={unclaimedErrors(errors, formFields)} onReload={onReload} />}
      {!failure && Object.keys(errors).length > 0 && (
        <WriteAlert failure={{ kind: 'invalid', errors, problem: null }} unclaimed={unclaimedErrors(errors, formFields)} />
      )}
      <div className="form__actions">
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? t('form.saving') : submitLabel}
        </button>
        {saved && (
          <span className="notice notice--inline" role="status" data-testid="saved">
            {t('form.saved')}
          </span>
        )}
      </div>
    </form>
  );
}
