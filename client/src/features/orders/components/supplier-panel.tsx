import { useState } from 'react';
import { WriteAlert } from '@/components/write-alert';
import { useI18n } from '@/lib/i18n';
import type { SupplierChannel } from '../api/supplier-channel';
import type { Order } from '../api/types';
import { useOrderWrite } from '../hooks/use-order-write';
import { supplierActions } from '../order-rules';
import { MilestonesForm } from './milestones-form';
import { ProposalForm } from './proposal-form';
import { ReasonForm } from './reason-form';
import { ShipmentForm } from './shipment-form';

type Open = null | 'reject' | 'propose' | 'progress' | 'ship';

/**
 * The supplier's next steps on one order — the same from the firm's account and from the response link (the
 * channel says which): accept (注文請け), reject with a reason, propose another date or quantities, start, record
 * progress, ship (partial or final). One form open at a time, full width, so it works on a phone.
 */
export function SupplierPanel({
  order,
  channel,
  onChanged,
  headingLevel = 3,
}: {
  order: Order;
  channel: SupplierChannel;
  onChanged: (order: Order) => void;
  /** 2 where the panel sits right under the page's h1 (the response page); 3 inside an order's card. */
  headingLevel?: 2 | 3;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Open>(null);
  const { busy, failure, run, clear } = useOrderWrite((updated) => {
    setOpen(null);
    onChanged(updated);
  });
  const actions = supplierActions(order);
  if (actions.length === 0) {
    return null;
  }
  const show = (which: Open) => {
    clear();
    setOpen(which);
  };
  const close = () => show(null);

  return (
    <div className="order-panel" data-testid="supplier-panel">
      {headingLevel === 2 ? <h2>{t('orders.supplierActions')}</h2> : <h3>{t('orders.supplierActions')}</h3>}
      {open === null && (
        <div className="order-panel__buttons" role="group" aria-label={t('orders.supplierActions')}>
          {actions.includes('accept') && (
            <button type="button" className="button" disabled={busy} onClick={() => void run(() => channel.accept(order.version))}>
              {t('orders.action.accept')}
            </button>
          )}
          {actions.includes('propose') && (
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => show('propose')}>
              {t('orders.action.propose')}
            </button>
          )}
          {actions.includes('reject') && (
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => show('reject')}>
              {t('orders.action.reject')}
            </button>
          )}
          {actions.includes('start') && (
            <button type="button" className="button" disabled={busy} onClick={() => void run(() => channel.start(order.version))}>
              {t('orders.action.start')}
            </button>
          )}
          {actions.includes('progress') && (
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => show('progress')}>
              {t('orders.action.progress')}
            </button>
          )}
          {actions.includes('ship') && (
            <button type="button" className="button" disabled={busy} onClick={() => show('ship')}>
              {t('orders.action.ship')}
            </button>
          )}
        </div>
      )}
      {open === null && failure && <WriteAlert failure={failure} />}
      {open === 'reject' && (
        <ReasonForm
          testId="reject-form"
          label="orders.rejectOrderReason"
          submitLabel="orders.action.reject"
          busy={busy}
          failure={failure}
          onSubmit={(reason) => void run(() => channel.reject(order.version, reason))}
          onCancel={close}
        />
      )}
      {open === 'propose' && (
        <ProposalForm order={order} busy={busy} failure={failure} onSubmit={(body) => void run(() => channel.propose(order.version, body))} onCancel={close} />
      )}
      {open === 'progress' && (
        <MilestonesForm order={order} busy={busy} failure={failure} onSubmit={(body) => void run(() => channel.milestones(order.version, body))} onCancel={close} />
      )}
      {open === 'ship' && (
        <ShipmentForm order={order} busy={busy} failure={failure} onSubmit={(body) => void run(() => channel.ship(order.version, body))} onCancel={close} />
      )}
    </div>
  );
}
