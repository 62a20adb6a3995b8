import { useId, useState, type FormEvent } from 'react';
import { FieldErrorList } from '@/components/field-error-list';
import { FormAlert } from '@/components/form-alert';
import { errorsFor, unclaimedErrors } from '@/lib/field-errors';
import { useI18n } from '@/lib/i18n';
import type { WriteFailure } from '@/lib/write-result';
import type { Order, OrderShipmentInput } from '../api/types';
import { regionToday } from '../order-draft';
import { orderedQuantity } from '../order-rules';

/**
 * 出荷: a quantity, the day (today unless said), and whether it is the last shipment. It starts with what remains;
 * shipping all that remains is final whatever the box says (the service decides the same).
 */
export function ShipmentForm({
  order,
  busy,
  failure,
  onSubmit,
  onCancel,
}: {
  order: Order;
  busy: boolean;
  failure: WriteFailure | null;
  onSubmit: (body: OrderShipmentInput) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const remaining = orderedQuantity(order) - order.shippedQuantity;
  const [quantity, setQuantity] = useState(String(remaining));
  const [shippedOn, setShippedOn] = useState(regionToday());
  const [final, setFinal] = useState(true);
  const [note, setNote] = useState('');
  const errors = failure?.kind === 'invalid' ? failure.errors : {};
  const messagesOf = (field: string) => errorsFor(errors, field);
  const count = /^\s*\d+\s*$/.test(quantity) ? Number(quantity) : Number.NaN;

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit({ quantity: count, shippedOn: shippedOn || null, final: final || count === remaining, note: note.trim() || null });
  }

  return (
    <form className="form order-form-inline" onSubmit={submit} noValidate data-testid="shipment-form">
      <p className="muted">{t('orders.shipLead', { remaining })}</p>
      <div className="form__row">
        <div className="form__field">
          <label htmlFor={`${id}-quantity`}>{t('orders.shipQuantity')}</label>
          <input
            id={`${id}-quantity`}
            inputMode="numeric"
            value={quantity}
            aria-invalid={messagesOf('quantity').length > 0 || undefined}
            aria-describedby={messagesOf('quantity').length > 0 ? `${id}-quantity-errors` : undefined}
            onChange={(event) => setQuantity(event.target.value)}
          />
          <FieldErrorList id={`${id}-quantity-errors`} messages={messagesOf('quantity')} />
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-day`}>{t('orders.shippedOn')}</label>
          <input
            id={`${id}-day`}
            type="date"
            value={shippedOn}
            aria-invalid={messagesOf('shippedOn').length > 0 || undefined}
            aria-describedby={messagesOf('shippedOn').length > 0 ? `${id}-day-errors` : undefined}
            onChange={(event) => setShippedOn(event.target.value)}
          />
          <FieldErrorList id={`${id}-day-errors`} messages={messagesOf('shippedOn')} />
        </div>
      </div>
      <label className="form__check">
        <input type="checkbox" checked={final || count === remaining} disabled={count === remaining} onChange={(event) => setFinal(event.target.checked)} />
        {t('orders.shipFinal')}
      </label>
      <div className="form__field">
        <label htmlFor={`${id}-note`}>{t('orders.note')}</label>
        <input id={`${id}-note`} type="text" maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      {failure && <FormAlert failure={failure} unclaimed={unclaimedErrors(errors, ['quantity', 'shippedOn', 'note', 'final'])} />}
      <div className="form__actions">
        <button type="submit" className="button" disabled={busy}>
          {t('orders.action.ship')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('orders.back')}
        </button>
      </div>
    </form>
  );
}
