import { useId, useState } from 'react';
import { DraftField } from '@/components/draft-field';
import { errorsFor } from '@/lib/field-errors';
import { useI18n } from '@/lib/i18n';
import type { WriteFailure } from '@/lib/write-result';
import type { Order, OrderShipmentInput } from '../api/types';
import { regionToday } from '../order-draft';
import { orderedQuantity } from '../order-rules';
import { ActionForm } from './action-form';

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
  const count = /^\s*\d+\s*$/.test(quantity) ? Number(quantity) : Number.NaN;

  return (
    <ActionForm
      testId="shipment-form"
      lead={t('orders.shipLead', { remaining })}
      failure={failure}
      fields={['quantity', 'shippedOn', 'note', 'final']}
      submitLabel="orders.action.ship"
      disabled={busy}
      onSubmit={() => onSubmit({ quantity: count, shippedOn: shippedOn || null, final: final || count === remaining, note: note.trim() || null })}
      onCancel={onCancel}
    >
      <div className="form__row">
        <DraftField
          id={`${id}-quantity`}
          name="quantity"
          type="integer"
          label={t('orders.shipQuantity')}
          value={quantity}
          onChange={setQuantity}
          messages={errorsFor(errors, 'quantity')}
        />
        <DraftField
          id={`${id}-day`}
          name="shippedOn"
          type="date"
          label={t('orders.shippedOn')}
          value={shippedOn}
          onChange={setShippedOn}
          messages={errorsFor(errors, 'shippedOn')}
        />
      </div>
      <label className="form__check">
        <input type="checkbox" checked={final || count === remaining} disabled={count === remaining} onChange={(event) => setFinal(event.target.checked)} />
        {t('orders.shipFinal')}
      </label>
      <DraftField id={`${id}-note`} name="note" label={t('orders.note')} value={note} onChange={setNote} messages={errorsFor(errors, 'note')} maxLength={500} />
    </ActionForm>
  );
}
