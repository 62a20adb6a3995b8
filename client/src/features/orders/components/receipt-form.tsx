import { useId, useState, type FormEvent } from 'react';
import { FieldErrorList } from '@/components/field-error-list';
import { FormAlert } from '@/components/form-alert';
import { errorsFor, unclaimedErrors } from '@/lib/field-errors';
import { useI18n } from '@/lib/i18n';
import type { WriteFailure } from '@/lib/write-result';
import type { Order, OrderReceiptInput } from '../api/types';

const fields = ['acceptedQuantity', 'rejectedQuantity', 'reason'];

/**
 * 検収: how many of the shipped parts the buyer accepts and rejects (together, all that shipped), and why parts were
 * rejected. Starts with everything accepted; rejecting some moves them over.
 */
export function ReceiptForm({
  order,
  busy,
  failure,
  onSubmit,
  onCancel,
}: {
  order: Order;
  busy: boolean;
  failure: WriteFailure | null;
  onSubmit: (body: OrderReceiptInput) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [rejected, setRejected] = useState('0');
  const [reason, setReason] = useState('');
  const rejectedCount = /^\d+$/.test(rejected.trim()) ? Number(rejected) : Number.NaN;
  const accepted = Number.isNaN(rejectedCount) ? order.shippedQuantity : Math.max(0, order.shippedQuantity - rejectedCount);
  const errors = failure?.kind === 'invalid' ? failure.errors : {};
  const messagesOf = (field: string) => errorsFor(errors, field);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit({ acceptedQuantity: accepted, rejectedQuantity: rejectedCount, reason: reason.trim() || null });
  }

  return (
    <form className="form order-form-inline" onSubmit={submit} noValidate data-testid="receipt-form">
      <p className="muted">{t('orders.receiptLead', { shipped: order.shippedQuantity })}</p>
      <div className="form__row">
        <div className="form__field">
          <label htmlFor={`${id}-rejected`}>{t('orders.rejectedQuantity')}</label>
          <input
            id={`${id}-rejected`}
            inputMode="numeric"
            value={rejected}
            aria-invalid={messagesOf('rejectedQuantity').length > 0 || undefined}
            aria-describedby={`${id}-accepted`}
            onChange={(event) => setRejected(event.target.value)}
          />
          <FieldErrorList id={`${id}-rejected-errors`} messages={messagesOf('rejectedQuantity')} />
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-accepted`}>{t('orders.acceptedQuantity')}</label>
          <output id={`${id}-accepted`} data-testid="accepted-quantity">
            {accepted}
          </output>
          <FieldErrorList id={`${id}-accepted-errors`} messages={messagesOf('acceptedQuantity')} />
        </div>
      </div>
      <div className="form__field">
        <label htmlFor={`${id}-reason`}>{t('orders.rejectReason')}</label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          maxLength={2000}
          value={reason}
          aria-invalid={messagesOf('reason').length > 0 || undefined}
          aria-describedby={messagesOf('reason').length > 0 ? `${id}-reason-errors` : undefined}
          onChange={(event) => setReason(event.target.value)}
        />
        <FieldErrorList id={`${id}-reason-errors`} messages={messagesOf('reason')} />
      </div>
      {failure && <FormAlert failure={failure} unclaimed={unclaimedErrors(errors, fields)} />}
      <div className="form__actions">
        <button type="submit" className="button" disabled={busy}>
          {t('orders.action.receive')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('orders.back')}
        </button>
      </div>
    </form>
  );
}
