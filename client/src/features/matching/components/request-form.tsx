import { useId, type FormEvent } from 'react';
import { FieldErrorList } from '@/components/field-error-list';
import { FormAlert } from '@/components/form-alert';
import { errorsFor, unclaimedErrors, type FieldErrors } from '@/lib/field-errors';
import { useI18n } from '@/lib/i18n';
import type { WriteFailure } from '@/lib/write-result';
import {
  emptyStep,
  limits,
  moveStep,
  qualityAssuranceKinds,
  rebalanceWeights,
  type RequestDraft,
  type WeightKey,
} from '../request-draft';
import { DraftField } from '@/components/draft-field';
import { RegionFields } from './region-fields';
import { StepFields } from './step-fields';

// The API's field names this form shows messages for; others go to the alert above it.
const formFields = [
  'title',
  'description',
  'steps',
  'quantity',
  'lotSize',
  'dueDate',
  'weights',
  'qualityAssurance',
  'region',
  'visibility',
] as const;

export interface RequestFormProps {
  draft: RequestDraft;
  onChange: (draft: RequestDraft) => void;
  onPreview: () => void;
  onSave: () => void;
  busy: 'preview' | 'save' | null;
  errors: FieldErrors;
  failure: WriteFailure | null;
  /** The save button's text (default: "save draft"). */
  saveLabel?: string;
  /** Offered as "cancel" next to the buttons when given (editing a saved draft). */
  onCancel?: () => void;
  /** A message above the form that is not a failure of the last write (e.g. the draft was reloaded). */
  notice?: string | null;
  /** The level of each step's heading: one below the heading the form sits under. */
  stepHeadingLevel?: 2 | 3;
}

/**
 * A matching request: title and description, its steps in order, quantity, lot, due date, quality assurance, QCD
 * weights, region and visibility. Each field shows its messages, the browser's or the API's, under it.
 */
export function RequestForm({
  draft,
  onChange,
  onPreview,
  onSave,
  busy,
  errors,
  failure,
  saveLabel,
  onCancel,
  notice,
  stepHeadingLevel,
}: RequestFormProps) {
  const { t } = useI18n();
  const id = useId();
  const domId = (field: string) => `${id}-${field.replace(/\W/g, '-')}`;
  const text = (field: 'title' | 'description' | 'quantity' | 'lotSize' | 'dueDate', label: string, type?: 'number' | 'date' | 'multiline') => (
    <DraftField
      id={domId(field)}
      name={field}
      label={label}
      value={draft[field]}
      onChange={(value) => onChange({ ...draft, [field]: value })}
      messages={errorsFor(errors, field)}
      type={type}
    />
  );

  const weightKeys: WeightKey[] = ['quality', 'cost', 'delivery'];
  const weightMessages = errorsFor(errors, 'weights');
  const qaMessages = errorsFor(errors, 'qualityAssurance');
  const unclaimed = unclaimedErrors(errors, formFields);

  function submit(event: FormEvent) {
    event.preventDefault();
    onPreview();
  }

  return (
    <form className="form request-form" aria-label={t('matching.formLabel')} onSubmit={submit} noValidate>
      {notice && (
        <p className="notice" role="alert" data-testid="form-notice">
          {notice}
        </p>
      )}
      {text('title', t('matching.title'))}
      {text('description', t('matching.description'), 'multiline')}

      <fieldset>
        <legend>{t('matching.steps')}</legend>
        <FieldErrorList id={`${domId('steps')}-errors`} messages={errors['steps'] ?? []} />
        <ol className="request-form__steps">
          {draft.steps.map((step, index) => (
            <StepFields
              key={step.key}
              step={step}
              index={index}
              count={draft.steps.length}
              errors={errors}
              domId={domId}
              onChange={(changed) => onChange({ ...draft, steps: draft.steps.map((s, i) => (i === index ? changed : s)) })}
              onMove={(to) => onChange({ ...draft, steps: moveStep(draft.steps, index, to) })}
              onRemove={() => onChange({ ...draft, steps: draft.steps.filter((_, i) => i !== index) })}
              headingLevel={stepHeadingLevel}
            />
          ))}
        </ol>
        <button
          type="button"
          className="button button--secondary"
          disabled={draft.steps.length >= limits.steps}
          onClick={() => onChange({ ...draft, steps: [...draft.steps, emptyStep()] })}
        >
          {t('matching.addStep')}
        </button>
      </fieldset>

      <div className="request-form__grid">
        {text('quantity', t('matching.quantity'), 'number')}
        {text('lotSize', t('matching.lotSize'), 'number')}
        {text('dueDate', t('matching.dueDate'), 'date')}
      </div>

      <fieldset aria-describedby={qaMessages.length > 0 ? `${domId('qualityAssurance')}-errors` : undefined}>
        <legend>{t('matching.qualityAssurance')}</legend>
        <div className="form__checks">
          {qualityAssuranceKinds.map((kind) => (
            <label key={kind} className="form__check">
              <input
                type="checkbox"
                name="qualityAssurance"
                value={kind}
                checked={draft.qualityAssurance.includes(kind)}
                onChange={(event) =>
                  onChange({
                    ...draft,
                    qualityAssurance: event.target.checked
                      ? qualityAssuranceKinds.filter((k) => k === kind || draft.qualityAssurance.includes(k))
                      : draft.qualityAssurance.filter((k) => k !== kind),
                  })
                }
              />
              {t(`matching.qa.${kind}`)}
            </label>
          ))}
        </div>
        <FieldErrorList id={`${domId('qualityAssurance')}-errors`} messages={qaMessages} />
      </fieldset>

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

      <RegionFields draft={draft} onChange={onChange} errors={errors} domId={domId} />

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

      {failure && <FormAlert failure={failure} unclaimed={unclaimed} />}
      <div className="request-form__actions">
        <button type="submit" className="button" disabled={busy !== null}>
          {busy === 'preview' ? t('matching.previewing') : t('matching.preview')}
        </button>
        <button type="button" className="button button--secondary" disabled={busy !== null} onClick={onSave}>
          {busy === 'save' ? t('matching.saving') : (saveLabel ?? t('matching.saveDraft'))}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" disabled={busy !== null} onClick={onCancel}>
            {t('form.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
