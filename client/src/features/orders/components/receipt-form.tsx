import { useId, useState } from 'react';
import { DraftField } from '@/components/draft-field';
import { FieldErrorList } from '@/components/field-error-list';
import { errorsFor } from '@/lib/field-errors';
import { useI18n } from '@/lib/i18n';
import type { WriteFailure } from '@/lib/write-result';
import type { Order, OrderReceiptInput } from '../api/types';
import { ActionForm } from './action-form';

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

  return (
    <ActionForm
      testId="receipt-form"
      lead={t('orders.receiptLead', { shipped: order.shippedQuantity })}
      failure={failure}
      fields={['acceptedQuantity', 'rejectedQuantity', 'reason']}
      submitLabel="orders.action.receive"
      disabled={busy}
      onSubmit={() => onSubmit({ acceptedQuantity: accepted, rejectedQuantity: rejectedCount, reason: reason.trim() || null })}
      onCancel={onCancel}
    >
      <div className="form__row">
        <DraftField
          id={`${id}-rejected`}
          name="rejectedQuantity"
          type="integer"
          label={t('orders.rejectedQuantity')}
          value={rejected}
          onChange={setRejected}
          messages={errorsFor(errors, 'rejectedQuantity')}
        />
        {/* What is accepted follows from what is rejected: shown, not typed. */}
        <div className="form__field">
          <label htmlFor={`${id}-accepted`}>{t('orders.acceptedQuantity')}</label>
          <output id={`${id}-accepted`} data-testid="accepted-quantity">
            {accepted}
          </output>
          <FieldErrorList id={`${id}-accepted-errors`} messages={errorsFor(errors, 'acceptedQuantity')} />
        </div>
      </div>
      <DraftField
        id={`${id}-reason`}
        name="reason"
        type="multiline"
        label={t('orders.rejectReason')}
        value={reason}
        onChange={setReason}
        messages={errorsFor(errors, 'reason')}
        maxLength={2000}
      />
    </ActionForm>
  );
}
