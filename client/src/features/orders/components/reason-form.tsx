import { useId, useState, type FormEvent } from 'react';
import { FieldErrorList } from '@/components/field-error-list';
import { FormAlert } from '@/components/form-alert';
import { errorsFor, unclaimedErrors } from '@/lib/field-errors';
import { useI18n, type MessageKey } from '@/lib/i18n';
import type { WriteFailure } from '@/lib/write-result';

/** A reason and one button: rejecting an order, refusing a proposal, cancelling. The reason is required by the service. */
export function ReasonForm({
  label,
  submitLabel,
  busy,
  failure,
  onSubmit,
  onCancel,
  testId,
}: {
  label: MessageKey;
  submitLabel: MessageKey;
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
    <form className="form order-form-inline" onSubmit={submit} noValidate data-testid={testId}>
      <div className="form__field">
        <label htmlFor={`${id}-reason`}>
          {t(label)} <span className="form__required">{t('orders.required')}</span>
        </label>
        <textarea
          id={`${id}-reason`}
          rows={3}
          maxLength={2000}
          required
          value={reason}
          aria-invalid={messages.length > 0 || undefined}
          aria-describedby={messages.length > 0 ? `${id}-errors` : undefined}
          onChange={(event) => setReason(event.target.value)}
        />
        <FieldErrorList id={`${id}-errors`} messages={messages} />
      </div>
      {failure && <FormAlert failure={failure} unclaimed={unclaimedErrors(errors, ['reason'])} />}
      <div className="form__actions">
        <button type="submit" className="button button--danger" disabled={busy || reason.trim() === ''}>
          {t(submitLabel)}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('orders.back')}
        </button>
      </div>
    </form>
  );
}
