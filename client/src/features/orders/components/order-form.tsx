import { useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { DraftField, type DraftFieldProps } from '@/components/draft-field';
import { FieldErrorList } from '@/components/field-error-list';
import { FormAlert } from '@/components/form-alert';
import { errorsFor, unclaimedErrors, type FieldErrors } from '@/lib/field-errors';
import { idempotencyKeys } from '@/lib/idempotency';
import { formatYen, useI18n } from '@/lib/i18n';
import type { WriteFailure } from '@/lib/write-result';
import { createOrders } from '../api/create-orders';
import { emptyLine, toInput, totalsOf, type LegDraft, type LineDraft, type OrderDraft } from '../order-draft';

const lineFields = ['itemName', 'partNumber', 'quantity', 'unit', 'unitPrice', 'taxRate'] as const;
const legFields = ['orderNumber', 'dueDate', 'leadDays', 'note', 'supplierId'] as const;

/** Every field name the form shows, for the messages it has no field for (shown with the alert). */
function shownFields(draft: OrderDraft): string[] {
  return [
    'deliveryAddress',
    ...draft.legs.flatMap((leg, i) => [
      ...legFields.map((f) => `legs[${i}].${f}`),
      ...leg.lines.flatMap((_, j) => lineFields.map((f) => `legs[${i}].lines[${j}].${f}`)),
    ]),
  ];
}

/**
 * 注文を作成: one leg per firm (one for a direct order), each with its order number, due date, lead days and lines.
 * Amounts, tax per rate and totals are worked out as the buyer types — for display only: the service computes the
 * ones that count. Saved as drafts (sent from the route page), with an Idempotency-Key.
 */
export function OrderForm({ initial }: { initial: OrderDraft }) {
  const { t, language } = useI18n();
  const id = useId();
  const navigate = useNavigate();
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<WriteFailure | null>(null);
  const keys = useRef(idempotencyKeys());
  const errors: FieldErrors = failure?.kind === 'invalid' ? failure.errors : {};

  const setLeg = (i: number, patch: Partial<LegDraft>) =>
    setDraft({ ...draft, legs: draft.legs.map((leg, j) => (j === i ? { ...leg, ...patch } : leg)) });
  const setLine = (i: number, k: number, patch: Partial<LineDraft>) =>
    setLeg(i, { lines: draft.legs[i]!.lines.map((line, j) => (j === k ? { ...line, ...patch } : line)) });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = toInput(draft);
    setBusy(true);
    setFailure(null);
    const result = await createOrders(body, keys.current.keyFor(body));
    if (result.kind !== 'unreachable') {
      keys.current.answered();
    }
    setBusy(false);
    if (result.kind === 'ok') {
      void navigate(`/order-routes/${result.data.id}`);
    } else {
      setFailure(result);
    }
  }

  /** A text input with its label and the API's messages under it. */
  function field(name: string, label: string, value: string, onChange: (value: string) => void, options: Partial<DraftFieldProps> = {}) {
    return (
      <DraftField
        id={`${id}-${name.replace(/[^a-zA-Z0-9]/g, '-')}`}
        name={name}
        label={label}
        value={value}
        onChange={onChange}
        messages={errorsFor(errors, name)}
        {...options}
      />
    );
  }

  return (
    <form className="form order-form" onSubmit={(event) => void submit(event)} noValidate data-testid="order-form">
      {field('deliveryAddress', t('orders.deliveryAddress'), draft.deliveryAddress, (v) => setDraft({ ...draft, deliveryAddress: v }), {
        maxLength: 200,
        autoComplete: 'street-address',
      })}
      {draft.legs.map((leg, i) => {
        const totals = totalsOf(leg.lines);
        return (
          <fieldset key={leg.supplierId + i} className="order-form__leg" data-testid="order-form-leg">
            <legend>{t('orders.formLeg', { leg: i + 1, supplier: leg.supplierName })}</legend>
            <FieldErrorList id={`${id}-leg${i}-errors`} messages={errorsFor(errors, `legs[${i}].supplierId`)} />
            <div className="order-form__grid">
              {field(`legs[${i}].orderNumber`, t('orders.orderNumber'), leg.orderNumber, (v) => setLeg(i, { orderNumber: v }), { maxLength: 40 })}
              {field(`legs[${i}].dueDate`, t('orders.dueDate'), leg.dueDate, (v) => setLeg(i, { dueDate: v }), { type: 'date' })}
              {field(`legs[${i}].leadDays`, t('orders.leadDays'), leg.leadDays, (v) => setLeg(i, { leadDays: v }), {
                type: 'integer',
                hint: t('orders.leadDaysHint'),
              })}
            </div>
            {leg.lines.map((line, k) => {
              const name = (f: string) => `legs[${i}].lines[${k}].${f}`;
              const rateId = `${id}-rate-${i}-${k}`;
              return (
                <fieldset key={k} className="order-form__line" data-testid="order-form-line">
                  <legend>{t('orders.lineN', { n: k + 1 })}</legend>
                  <div className="order-form__line-grid">
                    {field(name('itemName'), t('orders.col.item'), line.itemName, (v) => setLine(i, k, { itemName: v }), { maxLength: 120 })}
                    {field(name('partNumber'), t('orders.col.partNumber'), line.partNumber, (v) => setLine(i, k, { partNumber: v }), { maxLength: 60 })}
                    {field(name('quantity'), t('orders.col.quantity'), line.quantity, (v) => setLine(i, k, { quantity: v }), { type: 'integer' })}
                    {field(name('unit'), t('orders.col.unit'), line.unit, (v) => setLine(i, k, { unit: v }), { maxLength: 10 })}
                    {field(name('unitPrice'), t('orders.unitPriceYen'), line.unitPrice, (v) => setLine(i, k, { unitPrice: v }), { type: 'integer' })}
                    <div className="form__field">
                      <label htmlFor={rateId}>{t('orders.col.taxRate')}</label>
                      <select id={rateId} value={line.taxRate} onChange={(event) => setLine(i, k, { taxRate: Number(event.target.value) === 8 ? 8 : 10 })}>
                        <option value={10}>10%</option>
                        <option value={8}>{t('orders.reducedRate')}</option>
                      </select>
                    </div>
                  </div>
                  <p className="order-form__amount" data-testid="line-amount">
                    {t('orders.col.amount')}: {totals.lines[k] == null ? '—' : formatYen(totals.lines[k]!, language)}
                  </p>
                  {leg.lines.length > 1 && (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => setLeg(i, { lines: leg.lines.filter((_, j) => j !== k) })}
                    >
                      {t('orders.lineRemove', { n: k + 1 })}
                    </button>
                  )}
                </fieldset>
              );
            })}
            {leg.lines.length < 20 && (
              <button type="button" className="button button--secondary button--small" onClick={() => setLeg(i, { lines: [...leg.lines, emptyLine()] })}>
                {t('orders.lineAdd')}
              </button>
            )}
            <dl className="order-form__totals" data-testid="form-totals" aria-live="polite">
              {totals.taxes.map((rate) => (
                <div key={rate.taxRate}>
                  <dt>{t('orders.taxOfRate', { rate: rate.taxRate, taxable: formatYen(rate.taxable, language) })}</dt>
                  <dd>{formatYen(rate.tax, language)}</dd>
                </div>
              ))}
              <div>
                <dt>{t('orders.subtotal')}</dt>
                <dd data-testid="form-subtotal">{formatYen(totals.subtotal, language)}</dd>
              </div>
              <div>
                <dt>{t('orders.tax')}</dt>
                <dd>{formatYen(totals.tax, language)}</dd>
              </div>
              <div className="order-form__total">
                <dt>{t('orders.total')}</dt>
                <dd data-testid="form-total">{formatYen(totals.total, language)}</dd>
              </div>
            </dl>
            <p className="muted">{t(totals.complete ? 'orders.totalsNote' : 'orders.totalsIncomplete')}</p>
            <div className="form__field">
              <label htmlFor={`${id}-note-${i}`}>{t('orders.note')}</label>
              <textarea id={`${id}-note-${i}`} rows={2} maxLength={2000} value={leg.note} onChange={(event) => setLeg(i, { note: event.target.value })} />
            </div>
          </fieldset>
        );
      })}
      {failure && <FormAlert failure={failure} unclaimed={unclaimedErrors(errors, shownFields(draft))} />}
      <div className="form__actions">
        <button type="submit" className="button" disabled={busy}>
          {t(draft.legs.length > 1 ? 'orders.createRoute' : 'orders.createOne')}
        </button>
      </div>
    </form>
  );
}
