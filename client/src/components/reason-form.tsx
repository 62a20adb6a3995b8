import { useId, useState, type FormEvent } from 'react';
import { FieldErrorList } from '@/components/field-error-list';
import { FormAlert } from '@/components/form-alert';
import { errorsFor, unclaimedErrors } from '@/lib/field-errors';
import { useI18n } from '@/lib/i18n';
import type { WriteFailure } from '@/lib/write-result';

/**
 * A reason and one button (refusing a registration, declining a meeting, returning a theme proposal, declining an
 * invitation): the API requires the reason.
 */
export function ReasonForm({
  label,
  submitLabel,
  busy,
  failure,
  onSubmit,
  onCancel,
  testId,
}: {
  label: string;
  submitLabel: string;
  busy: boolean;
  failure: WriteFailure | null;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
  testId: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [reason, setReason] = useState('');
  const errors = failure?.kind === 'invalid' ? failure.errors : {};
  const messages = errorsFor(errors, 'reason');

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(reason.trim());
  }

  return (
    <form className="form inline-form" onSubmit={submit} noValidate data-testid={testId}>
      <div className="form__field">
        <label htmlFor={`${id}-reason`}>
          {label}
          <span className="form__required">{t('form.required')}</span>
        </label>
        <textarea
          id={`${id}-reason`}
          name="reason"
          rows={2}
          maxLength={1000}
          value={reason}
          aria-invalid={messages.length > 0 || undefined}
          aria-describedby={messages.length > 0 ? `${id}-reason-errors` : undefined}
          onChange={(event) => setReason(event.target.value)}
        />
        <FieldErrorList id={`${id}-reason-errors`} messages={messages} />
      </div>
      {failure && <FormAlert failure={failure} unclaimed={unclaimedErrors(errors, ['reason'])} />}
      <div className="form__actions">
        <button type="submit" className="button button--danger" disabled={busy || reason.trim() === ''}>
          {submitLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('form.back')}
        </button>
      </div>
    </form>
  );
}
