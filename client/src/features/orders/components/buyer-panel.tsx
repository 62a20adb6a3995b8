import { useState } from 'react';
import { WriteAlert } from '@/components/write-alert';
import { useI18n } from '@/lib/i18n';
import { buyerReasonStep, buyerStep, receiveOrder, type BuyerStep } from '../api/buyer-actions';
import type { Order } from '../api/types';
import { useOrderWrite } from '../hooks/use-order-write';
import { buyerActions } from '../order-rules';
import { ReasonForm } from './reason-form';
import { ReceiptForm } from './receipt-form';

type Open = null | 'refuse' | 'cancel' | 'receive';

/**
 * The buyer's next steps on one order: send a draft, agree to or refuse a proposal, receive what was shipped (with
 * parts rejected and why), close, cancel before shipment (with the reason). Only the steps the state allows show.
 */
export function BuyerPanel({ order, onChanged }: { order: Order; onChanged: (order: Order) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Open>(null);
  const { busy, failure, run, clear } = useOrderWrite((updated) => {
    setOpen(null);
    onChanged(updated);
  });
  const actions = buyerActions(order);
  if (actions.length === 0) {
    return null;
  }
  const step = (action: BuyerStep) => void run(() => buyerStep(order.id, order.version, action));
  const show = (which: Open) => {
    clear();
    setOpen(which);
  };

  return (
    <div className="order-panel" data-testid="buyer-panel">
      <h3>{t('orders.buyerActions')}</h3>
      {open === null && (
        <div className="order-panel__buttons" role="group" aria-label={t('orders.buyerActions')}>
          {actions.includes('send') && (
            <button type="button" className="button" disabled={busy} onClick={() => step('send')}>
              {t('orders.action.send')}
            </button>
          )}
          {actions.includes('agree') && (
            <button type="button" className="button" disabled={busy} onClick={() => step('agree')}>
              {t('orders.action.agree')}
            </button>
          )}
          {actions.includes('refuse') && (
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => show('refuse')}>
              {t('orders.action.refuse')}
            </button>
          )}
          {actions.includes('receive') && (
            <button type="button" className="button" disabled={busy} onClick={() => show('receive')}>
              {t('orders.action.receive')}
            </button>
          )}
          {actions.includes('close') && (
            <button type="button" className="button" disabled={busy} onClick={() => step('close')}>
              {t('orders.action.close')}
            </button>
          )}
          {actions.includes('cancel') && (
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => show('cancel')}>
              {t('orders.action.cancel')}
            </button>
          )}
        </div>
      )}
      {open === null && failure && <WriteAlert failure={failure} />}
      {(open === 'refuse' || open === 'cancel') && (
        <ReasonForm
          testId={`${open}-form`}
          label={open === 'refuse' ? 'orders.refuseReason' : 'orders.cancelReason'}
          submitLabel={open === 'refuse' ? 'orders.action.refuse' : 'orders.action.cancel'}
          busy={busy}
          failure={failure}
          onSubmit={(reason) => void run(() => buyerReasonStep(order.id, order.version, open, reason))}
          onCancel={() => show(null)}
        />
      )}
      {open === 'receive' && (
        <ReceiptForm
          order={order}
          busy={busy}
          failure={failure}
          onSubmit={(body) => void run(() => receiveOrder(order.id, order.version, body))}
          onCancel={() => show(null)}
        />
      )}
    </div>
  );
}
