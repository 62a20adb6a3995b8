import { useId, useState, type FormEvent } from 'react';
import { FieldErrorList } from '@/components/field-error-list';
import { FormAlert } from '@/components/form-alert';
import { errorsFor, unclaimedErrors } from '@/lib/field-errors';
import { useI18n } from '@/lib/i18n';
import type { WriteFailure } from '@/lib/write-result';
import type { Order, OrderProposalInput } from '../api/types';

/**
 * 変更提案: another due date, other quantities per line, or both, with a note; the buyer agrees or refuses. A line
 * left as ordered is sent as ordered; quantities go only when one of them changed.
 */
export function ProposalForm({
  order,
  busy,
  failure,
  onSubmit,
  onCancel,
}: {
  order: Order;
  busy: boolean;
  failure: WriteFailure | null;
  onSubmit: (body: OrderProposalInput) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [dueDate, setDueDate] = useState('');
  const [quantities, setQuantities] = useState(order.lines.map((line) => String(line.quantity)));
  const [note, setNote] = useState('');
  const errors = failure?.kind === 'invalid' ? failure.errors : {};
  const messagesOf = (field: string) => errorsFor(errors, field);
  const changed = quantities.some((q, i) => q.trim() !== String(order.lines[i]?.quantity));

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit({
      dueDate: dueDate || null,
      quantities: changed ? quantities.map((q) => (/^\s*\d+\s*$/.test(q) ? Number(q) : Number.NaN)) : null,
      note: note.trim() || null,
    });
  }

  return (
    <form className="form order-form-inline" onSubmit={submit} noValidate data-testid="propose-form">
      <p className="muted">{t('orders.proposeLead', { due: order.dueDate })}</p>
      <div className="form__field">
        <label htmlFor={`${id}-due`}>{t('orders.proposeDue')}</label>
        <input
          id={`${id}-due`}
          type="date"
          value={dueDate}
          aria-invalid={messagesOf('dueDate').length > 0 || undefined}
          aria-describedby={messagesOf('dueDate').length > 0 ? `${id}-due-errors` : undefined}
          onChange={(event) => setDueDate(event.target.value)}
        />
        <FieldErrorList id={`${id}-due-errors`} messages={messagesOf('dueDate')} />
      </div>
      {order.lines.map((line, i) => (
        <div className="form__field" key={i}>
          <label htmlFor={`${id}-q${i}`}>{t('orders.proposeQuantity', { item: line.itemName, unit: line.unit })}</label>
          <input
            id={`${id}-q${i}`}
            inputMode="numeric"
            value={quantities[i] ?? ''}
            aria-invalid={messagesOf('quantities').length > 0 || undefined}
            onChange={(event) => setQuantities(quantities.map((q, j) => (j === i ? event.target.value : q)))}
          />
        </div>
      ))}
      <FieldErrorList id={`${id}-q-errors`} messages={messagesOf('quantities')} />
      <div className="form__field">
        <label htmlFor={`${id}-note`}>{t('orders.note')}</label>
        <textarea id={`${id}-note`} rows={2} maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      {failure && <FormAlert failure={failure} unclaimed={unclaimedErrors(errors, ['dueDate', 'quantities', 'note'])} />}
      <div className="form__actions">
        <button type="submit" className="button" disabled={busy || (!dueDate && !changed)}>
          {t('orders.action.propose')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('orders.back')}
        </button>
      </div>
    </form>
  );
}
