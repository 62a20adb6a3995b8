import { useId, useState, type FormEvent } from 'react';
import { FieldErrorList } from '@/components/field-error-list';
import { FormAlert } from '@/components/form-alert';
import { errorsFor, unclaimedErrors } from '@/lib/field-errors';
import { useI18n } from '@/lib/i18n';
import type { WriteFailure } from '@/lib/write-result';
import type { Order, OrderMilestoneKind, OrderMilestonesInputBody } from '../api/types';

const kinds: readonly OrderMilestoneKind[] = ['material_received', 'process', 'inspection', 'packed'];

interface Row {
  kind: OrderMilestoneKind;
  label: string;
  plannedOn: string;
  actualOn: string;
}

/**
 * 進捗: the order's milestones (material received, each process, inspection, packed) with planned and actual dates.
 * The whole list is saved at once (it replaces the last); an actual date starts the work. An order without
 * milestones starts from the four usual ones. One milestone per block, so it reads on a phone.
 */
export function MilestonesForm({
  order,
  busy,
  failure,
  onSubmit,
  onCancel,
}: {
  order: Order;
  busy: boolean;
  failure: WriteFailure | null;
  onSubmit: (body: OrderMilestonesInputBody) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [rows, setRows] = useState<Row[]>(() =>
    order.milestones.length > 0
      ? order.milestones.map((m) => ({ kind: m.kind, label: m.label ?? '', plannedOn: m.plannedOn ?? '', actualOn: m.actualOn ?? '' }))
      : kinds.map((kind) => ({ kind, label: '', plannedOn: '', actualOn: '' })),
  );
  const errors = failure?.kind === 'invalid' ? failure.errors : {};
  const change = (i: number, patch: Partial<Row>) => setRows(rows.map((row, j) => (j === i ? { ...row, ...patch } : row)));

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit({
      milestones: rows.map((row) => ({
        kind: row.kind,
        label: row.label.trim() || null,
        plannedOn: row.plannedOn || null,
        actualOn: row.actualOn || null,
      })),
    });
  }

  return (
    <form className="form order-form-inline" onSubmit={submit} noValidate data-testid="milestones-form">
      <p className="muted">{t('orders.milestonesLead')}</p>
      <ol className="milestone-rows">
        {rows.map((row, i) => {
          const actualErrors = errorsFor(errors, `milestones[${i}].actualOn`);
          return (
            <li key={i} className="milestone-row" data-testid="milestone-row">
              <fieldset>
                <legend>{t('orders.milestoneN', { n: i + 1 })}</legend>
                <div className="form__row">
                  <div className="form__field">
                    <label htmlFor={`${id}-${i}-kind`}>{t('orders.milestoneKind')}</label>
                    <select id={`${id}-${i}-kind`} value={row.kind} onChange={(event) => change(i, { kind: event.target.value as OrderMilestoneKind })}>
                      {kinds.map((kind) => (
                        <option key={kind} value={kind}>
                          {t(`orders.milestone.${kind}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="form__field">
                    <label htmlFor={`${id}-${i}-label`}>{t('orders.milestoneLabel')}</label>
                    <input id={`${id}-${i}-label`} type="text" maxLength={80} value={row.label} onChange={(event) => change(i, { label: event.target.value })} />
                  </div>
                  <div className="form__field">
                    <label htmlFor={`${id}-${i}-planned`}>{t('orders.plannedOn')}</label>
                    <input id={`${id}-${i}-planned`} type="date" value={row.plannedOn} onChange={(event) => change(i, { plannedOn: event.target.value })} />
                  </div>
                  <div className="form__field">
                    <label htmlFor={`${id}-${i}-actual`}>{t('orders.actualOn')}</label>
                    <input
                      id={`${id}-${i}-actual`}
                      type="date"
                      value={row.actualOn}
                      aria-invalid={actualErrors.length > 0 || undefined}
                      aria-describedby={actualErrors.length > 0 ? `${id}-${i}-actual-errors` : undefined}
                      onChange={(event) => change(i, { actualOn: event.target.value })}
                    />
                    <FieldErrorList id={`${id}-${i}-actual-errors`} messages={actualErrors} />
                  </div>
                </div>
                <button type="button" className="button button--secondary button--small" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                  {t('orders.milestoneRemove', { n: i + 1 })}
                </button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {rows.length < 20 && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setRows([...rows, { kind: 'process', label: '', plannedOn: '', actualOn: '' }])}
        >
          {t('orders.milestoneAdd')}
        </button>
      )}
      {failure && <FormAlert failure={failure} unclaimed={unclaimedErrors(errors, rows.map((_, i) => `milestones[${i}].actualOn`))} />}
      <div className="form__actions">
        <button type="submit" className="button" disabled={busy}>
          {t('orders.action.progress')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('orders.back')}
        </button>
      </div>
    </form>
  );
}
