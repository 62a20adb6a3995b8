import { FieldErrorList } from '@/components/field-error-list';
import { TaxonomyPicker } from '@/components/taxonomy-picker';
import type { FieldErrors } from '@/lib/field-errors';
import { useI18n } from '@/lib/i18n';
import type { TaxonomyKind } from '@/lib/taxonomy';
import { stepErrors, stepField, type StepDraft } from '../request-draft';
import { DraftField } from '@/components/draft-field';

type NumberField = 'toleranceUm' | 'workpieceXMm' | 'workpieceYMm' | 'workpieceZMm' | 'massKg';
type CodesField = 'materialCodes' | 'requiredCertifications';

// The step's fields the form shows; the API's messages for any other part of the step go to the step as a whole.
const shown = new Set(
  ['', 'processCode', 'materialCodes', 'toleranceUm', 'workpieceXMm', 'workpieceYMm', 'workpieceZMm', 'massKg', 'requiredCertifications'].map(
    (field) => field.toLowerCase(),
  ),
);

export interface StepFieldsProps {
  step: StepDraft;
  index: number;
  count: number;
  errors: FieldErrors;
  domId: (field: string) => string;
  onChange: (step: StepDraft) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
  /** The step's heading level: one below the page's heading above the form (h2 under the new request's h1). */
  headingLevel?: 2 | 3;
}

/** One step of a request: its process, materials, workpiece, tolerance and required certifications, movable and removable. */
export function StepFields({ step, index, count, errors, domId, onChange, onMove, onRemove, headingLevel = 3 }: StepFieldsProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { t } = useI18n();
  const n = index + 1;
  const own = stepErrors(errors, index);
  const lowered = Object.fromEntries(Object.entries(own).map(([field, messages]) => [field.toLowerCase(), messages]));
  const messagesOf = (field: string) => lowered[field.toLowerCase()] ?? [];
  const wholeStep = Object.entries(own)
    .filter(([field]) => !shown.has(field.toLowerCase()))
    .flatMap(([field, messages]) => messages.map((message) => (field ? `${field}: ${message}` : message)))
    .concat(messagesOf(''));

  const numberField = (field: NumberField, label: string, unit: string) => (
    <DraftField
      id={domId(stepField(index, field))}
      name={stepField(index, field)}
      label={label}
      value={step[field]}
      onChange={(value) => onChange({ ...step, [field]: value })}
      messages={messagesOf(field)}
      type="number"
      unit={unit}
    />
  );

  const picker = (field: CodesField | 'processCode', kind: TaxonomyKind, label: string, pickerName: string) => {
    const messages = messagesOf(field);
    const errorId = `${domId(stepField(index, field))}-errors`;
    const value = field === 'processCode' ? (step.processCode ? [step.processCode] : []) : step[field];
    return (
      <div className="request-form__wide">
        <TaxonomyPicker
          kind={kind}
          name={`step-${index}-${pickerName}`}
          multiple={field !== 'processCode'}
          label={label}
          value={value}
          onChange={(codes) =>
            onChange(field === 'processCode' ? { ...step, processCode: codes[0] ?? '' } : { ...step, [field]: codes })
          }
          invalid={messages.length > 0}
          describedBy={messages.length > 0 ? errorId : undefined}
        />
        <FieldErrorList id={errorId} messages={messages} />
      </div>
    );
  };

  return (
    <li className="request-step" data-testid="request-step">
      <div className="request-step__head">
        <Heading className="request-step__title">{t('matching.step', { n })}</Heading>
        <button
          type="button"
          className="button button--secondary"
          aria-label={t('matching.moveUp', { n })}
          disabled={index === 0}
          onClick={() => onMove(index - 1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="button button--secondary"
          aria-label={t('matching.moveDown', { n })}
          disabled={index === count - 1}
          onClick={() => onMove(index + 1)}
        >
          ↓
        </button>
        <button
          type="button"
          className="button button--secondary"
          aria-label={t('matching.removeStep', { n })}
          disabled={count === 1}
          onClick={onRemove}
        >
          ×
        </button>
      </div>
      <FieldErrorList id={`${domId(`steps[${index}]`)}-errors`} messages={wholeStep} />
      <div className="request-form__grid">
        {picker('processCode', 'processes', t('matching.stepProcess'), 'process')}
        {picker('materialCodes', 'materials', t('matching.materials'), 'materials')}
        {numberField('toleranceUm', t('matching.tolerance'), 'µm')}
        {numberField('workpieceXMm', t('matching.workpieceX'), 'mm')}
        {numberField('workpieceYMm', t('matching.workpieceY'), 'mm')}
        {numberField('workpieceZMm', t('matching.workpieceZ'), 'mm')}
        {numberField('massKg', t('matching.mass'), 'kg')}
        {picker('requiredCertifications', 'certifications', t('matching.certifications'), 'certifications')}
      </div>
    </li>
  );
}
