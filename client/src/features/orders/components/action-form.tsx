import type { FormEvent, ReactNode } from 'react';
import { FormAlert } from '@/components/form-alert';
import { unclaimedErrors } from '@/lib/field-errors';
import { useI18n, type MessageKey } from '@/lib/i18n';
import type { WriteFailure } from '@/lib/write-result';

/**
 * The frame of a party's action on an order (reject, propose, ship, receive …): its fields, why a send failed beside
 * the buttons (messages of fields the form does not show included), the action and a way back.
 */
export function ActionForm({
  testId,
  lead,
  failure,
  fields,
  submitLabel,
  danger = false,
  disabled = false,
  onSubmit,
  onCancel,
  children,
}: {
  testId: string;
  lead?: ReactNode;
  failure: WriteFailure | null;
  /** The API's names of the fields this form shows (their messages stand beside them). */
  fields: readonly string[];
  submitLabel: MessageKey;
  danger?: boolean;
  disabled?: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const errors = failure?.kind === 'invalid' ? failure.errors : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <form className="form order-form-inline" onSubmit={submit} noValidate data-testid={testId}>
      {lead && <p className="muted">{lead}</p>}
      {children}
      {failure && <FormAlert failure={failure} unclaimed={unclaimedErrors(errors, fields)} />}
      <div className="form__actions">
        <button type="submit" className={danger ? 'button button--danger' : 'button'} disabled={disabled}>
          {t(submitLabel)}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('orders.back')}
        </button>
      </div>
    </form>
  );
}
