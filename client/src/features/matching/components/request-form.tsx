import { useId, type FormEvent, type ReactNode } from 'react';
import { FieldErrorList } from '@/components/field-error-list';
import { SupplierMap } from '@/components/map';
import { TaxonomyPicker } from '@/components/taxonomy-picker';
import { WriteAlert } from '@/components/write-alert';
import { errorsFor, unclaimedErrors, type FieldErrors } from '@/lib/field-errors';
import { useI18n } from '@/lib/i18n';
import type { WriteFailure } from '@/lib/write-result';
import {
  emptyStep,
  moveStep,
  rebalanceWeights,
  stepErrors,
  type RequestDraft,
  type StepDraft,
  type WeightKey,
} from '../request-draft';

// The API's field names this form shows messages for; others go to the alert above it.
const formFields = ['title', 'steps', 'lotSize', 'dueDate', 'weights', 'region', 'visibility'] as const;

export interface RequestFormProps {
  draft: RequestDraft;
  onChange: (draft: RequestDraft) => void;
  onPreview: () => void;
  onSave: () => void;
  busy: 'preview' | 'save' | null;
  errors: FieldErrors;
  failure: WriteFailure | null;
}

/** A matching request: its steps in order, lot, due date, QCD weights, region and visibility. */
export function RequestForm({ draft, onChange, onPreview, onSave, busy, errors, failure }: RequestFormProps) {
  const { t } = useI18n();
  const id = useId();
  const domId = (field: string) => `${id}-${field.replace(/\W/g, '-')}`;

  function input(field: string, label: string, value: string, set: (value: string) => void, options: { type?: string; unit?: string } = {}) {
    const messages = errorsFor(errors, field);
    const control = (
      <input
        id={domId(field)}
        name={field}
        type={options.type ?? 'text'}
        inputMode={options.type ? undefined : 'decimal'}
        value={value}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={messages.length > 0 ? `${domId(field)}-errors` : undefined}
        onChange={(event) => set(event.target.value)}
      />
    );
    return (
      <div className="form__field" key={field}>
        <label htmlFor={domId(field)}>{label}</label>
        {options.unit ? (
          <div className="input-unit">
            {control}
            <span className="input-unit__unit">{options.unit}</span>
          </div>
        ) : (
          control
        )}
        <FieldErrorList id={`${domId(field)}-errors`} messages={messages} />
      </div>
    );
  }

  const setStep = (index: number, step: StepDraft) =>
    onChange({ ...draft, steps: draft.steps.map((s, i) => (i === index ? step : s)) });

  function stepRow(step: StepDraft, index: number): ReactNode {
    const n = index + 1;
    const own = stepErrors(errors, index);
    const stepField = (field: keyof Omit<StepDraft, 'key'>, label: string, unit: string) =>
      input(`steps[${index}].${field}`, label, step[field] as string, (value) => setStep(index, { ...step, [field]: value }), { unit });
    const processMessages = own['processCode'] ?? [];
    const certMessages = own['requiredCertifications'] ?? [];
    const wholeStep = own[''] ?? [];
    return (
      <li key={step.key} className="request-step" data-testid="request-step">
        <div className="request-step__head">
          <h3>{t('matching.step', { n })}</h3>
          <button
            type="button"
            className="button button--secondary"
            aria-label={t('matching.moveUp', { n })}
            disabled={index === 0}
            onClick={() => onChange({ ...draft, steps: moveStep(draft.steps, index, index - 1) })}
          >
            ↑
          </button>
          <button
            type="button"
            className="button button--secondary"
            aria-label={t('matching.moveDown', { n })}
            disabled={index === draft.steps.length - 1}
            onClick={() => onChange({ ...draft, steps: moveStep(draft.steps, index, index + 1) })}
          >
            ↓
          </button>
          <button
            type="button"
            className="button button--secondary"
            aria-label={t('matching.removeStep', { n })}
            disabled={draft.steps.length === 1}
            onClick={() => onChange({ ...draft, steps: draft.steps.filter((_, i) => i !== index) })}
          >
            ×
          </button>
        </div>
        <FieldErrorList id={`${domId(`steps[${index}]`)}-errors`} messages={wholeStep} />
        <div className="request-form__grid">
          <div className="request-form__wide">
            <TaxonomyPicker
              kind="processes"
              name={`step-${index}-process`}
              label={t('matching.stepProcess')}
              value={step.processCode ? [step.processCode] : []}
              onChange={(codes) => setStep(index, { ...step, processCode: codes[0] ?? '' })}
              invalid={processMessages.length > 0}
              describedBy={processMessages.length > 0 ? `${domId(`steps[${index}].processCode`)}-errors` : undefined}
            />
            <FieldErrorList id={`${domId(`steps[${index}].processCode`)}-errors`} messages={processMessages} />
          </div>
          {stepField('toleranceUm', t('matching.tolerance'), 'µm')}
          {stepField('workpieceXMm', t('matching.workpieceX'), 'mm')}
          {stepField('workpieceYMm', t('matching.workpieceY'), 'mm')}
          {stepField('workpieceZMm', t('matching.workpieceZ'), 'mm')}
          <div className="request-form__wide">
            <TaxonomyPicker
              kind="certifications"
              name={`step-${index}-certifications`}
              multiple
              label={t('matching.certifications')}
              value={step.requiredCertifications}
              onChange={(codes) => setStep(index, { ...step, requiredCertifications: codes })}
              invalid={certMessages.length > 0}
              describedBy={certMessages.length > 0 ? `${domId(`steps[${index}].requiredCertifications`)}-errors` : undefined}
            />
            <FieldErrorList id={`${domId(`steps[${index}].requiredCertifications`)}-errors`} messages={certMessages} />
          </div>
        </div>
      </li>
    );
  }

  const weightKeys: WeightKey[] = ['quality', 'cost', 'delivery'];
  const weightMessages = errorsFor(errors, 'weights');
  const lat = Number(draft.lat);
  const lon = Number(draft.lon);
  const radius = Number(draft.radiusKm);
  const centre = draft.lat && draft.lon && Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : null;
  const unclaimed = unclaimedErrors(errors, formFields);

  function submit(event: FormEvent) {
    event.preventDefault();
    onPreview();
  }

  return (
    <form className="form request-form" aria-label={t('matching.formLabel')} onSubmit={submit} noValidate>
      {failure && <WriteAlert failure={failure} unclaimed={unclaimed} />}
      {input('title', t('matching.title'), draft.title, (title) => onChange({ ...draft, title }), { type: 'text' })}

      <fieldset>
        <legend>{t('matching.steps')}</legend>
        <FieldErrorList id={`${domId('steps')}-errors`} messages={errors['steps'] ?? []} />
        <ol className="request-form__steps">
          {draft.steps.map(stepRow)}
        </ol>
        <button type="button" className="button button--secondary" onClick={() => onChange({ ...draft, steps: [...draft.steps, emptyStep()] })}>
          {t('matching.addStep')}
        </button>
      </fieldset>

      <div className="request-form__grid">
        {input('lotSize', t('matching.lotSize'), draft.lotSize, (lotSize) => onChange({ ...draft, lotSize }))}
        {input('dueDate', t('matching.dueDate'), draft.dueDate, (dueDate) => onChange({ ...draft, dueDate }), { type: 'date' })}
      </div>

      <fieldset className="weights" aria-describedby={weightMessages.length > 0 ? `${domId('weights')}-errors` : undefined}>
        <legend>{t('matching.weights')}</legend>
        {weightKeys.map((key) => (
          <div className="weights__row" key={key}>
            <label htmlFor={domId(`weights.${key}`)}>{t(`matching.weight.${key}`)}</label>
            <input
              id={domId(`weights.${key}`)}
              type="range"
              min={0}
              max={100}
              step={1}
              value={draft.weights[key]}
              aria-valuetext={`${draft.weights[key]}%`}
              onChange={(event) => onChange({ ...draft, weights: rebalanceWeights(draft.weights, key, Number(event.target.value)) })}
            />
            <output htmlFor={domId(`weights.${key}`)} data-testid={`weight-${key}`}>
              {draft.weights[key]}%
            </output>
          </div>
        ))}
        <FieldErrorList id={`${domId('weights')}-errors`} messages={weightMessages} />
      </fieldset>

      <fieldset>
        <legend>{t('matching.region')}</legend>
        <div className="request-form__grid">
          {input('region.centre.lat', t('matching.lat'), draft.lat, (value) => onChange({ ...draft, lat: value }))}
          {input('region.centre.lon', t('matching.lon'), draft.lon, (value) => onChange({ ...draft, lon: value }))}
          {input('region.radiusKm', t('matching.radius'), draft.radiusKm, (radiusKm) => onChange({ ...draft, radiusKm }), { unit: 'km' })}
        </div>
        <FieldErrorList
          id={`${domId('region')}-errors`}
          messages={errorsFor(errors, 'region').filter(
            (m) => !['region.centre.lat', 'region.centre.lon', 'region.radiusKm'].some((f) => errorsFor(errors, f).includes(m)),
          )}
        />
        <SupplierMap
          points={[]}
          label={t('matching.region')}
          fitKey={`${draft.radiusKm}`}
          circle={centre && radius > 0 ? { center: centre, km: radius } : null}
          pin={centre}
          onPick={(point) => onChange({ ...draft, lat: point.lat.toFixed(4), lon: point.lon.toFixed(4) })}
          pickHint={t('matching.regionHint')}
          height={280}
        />
      </fieldset>

      <fieldset>
        <legend>{t('matching.visibility')}</legend>
        {(['public', 'invited'] as const).map((visibility) => (
          <label key={visibility} className="radio">
            <input
              type="radio"
              name={`${id}-visibility`}
              value={visibility}
              checked={draft.visibility === visibility}
              onChange={() => onChange({ ...draft, visibility })}
            />{' '}
            {t(`matching.visibility.${visibility}`)}
          </label>
        ))}
        <FieldErrorList id={`${domId('visibility')}-errors`} messages={errorsFor(errors, 'visibility')} />
      </fieldset>

      <div className="request-form__actions">
        <button type="submit" className="button" disabled={busy !== null}>
          {busy === 'preview' ? t('matching.previewing') : t('matching.preview')}
        </button>
        <button type="button" className="button button--secondary" disabled={busy !== null} onClick={onSave}>
          {busy === 'save' ? t('matching.saving') : t('matching.saveDraft')}
        </button>
      </div>
    </form>
  );
}
