import { useId, useState } from 'react';
import { DraftField } from '@/components/draft-field';
import { FieldErrorList } from '@/components/field-error-list';
import { errorsFor } from '@/lib/field-errors';
import { useI18n } from '@/lib/i18n';
import type { WriteFailure } from '@/lib/write-result';
import type { Order, OrderProposalInput } from '../api/types';
import { ActionForm } from './action-form';

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
  const changed = quantities.some((q, i) => q.trim() !== String(order.lines[i]?.quantity));

  return (
    <ActionForm
      testId="propose-form"
      lead={t('orders.proposeLead', { due: order.dueDate })}
      failure={failure}
      fields={['dueDate', 'quantities', 'note']}
      submitLabel="orders.action.propose"
      disabled={busy || (!dueDate && !changed)}
      onSubmit={() =>
        onSubmit({
          dueDate: dueDate || null,
          quantities: changed ? quantities.map((q) => (/^\s*\d+\s*$/.test(q) ? Number(q) : Number.NaN)) : null,
          note: note.trim() || null,
        })
      }
      onCancel={onCancel}
    >
      <DraftField
        id={`${id}-due`}
        name="dueDate"
        type="date"
        label={t('orders.proposeDue')}
        value={dueDate}
        onChange={setDueDate}
        messages={errorsFor(errors, 'dueDate')}
      />
      {/* One field per line; the service answers for the quantities as a whole, so their messages stand below them. */}
      {order.lines.map((line, i) => (
        <DraftField
          key={i}
          id={`${id}-q${i}`}
          name={`quantities[${i}]`}
          type="integer"
          label={t('orders.proposeQuantity', { item: line.itemName, unit: line.unit })}
          value={quantities[i] ?? ''}
          onChange={(value) => setQuantities(quantities.map((q, j) => (j === i ? value : q)))}
          messages={[]}
        />
      ))}
      <FieldErrorList id={`${id}-q-errors`} messages={errorsFor(errors, 'quantities')} />
      <DraftField
        id={`${id}-note`}
        name="note"
        type="multiline"
        label={t('orders.note')}
        value={note}
        onChange={setNote}
        messages={errorsFor(errors, 'note')}
        maxLength={2000}
      />
    </ActionForm>
  );
}
