import type { Order, OrderStatus } from './api/types';

// What each party may do in each state: the service's Transitions table (api/Orders/OrderActions.cs) as the SPA
// shows it. The service decides again (409 naming the state); this only keeps buttons that cannot work off screen.

export type BuyerAction = 'send' | 'agree' | 'refuse' | 'receive' | 'close' | 'cancel';
export type SupplierAction = 'accept' | 'reject' | 'propose' | 'start' | 'progress' | 'ship';

const buyerFrom: Record<BuyerAction, readonly OrderStatus[]> = {
  send: ['draft'],
  agree: ['proposed'],
  refuse: ['proposed'],
  receive: ['shipped'],
  close: ['received'],
  cancel: ['draft', 'sent', 'proposed', 'accepted', 'in_progress'],
};

const supplierFrom: Record<SupplierAction, readonly OrderStatus[]> = {
  accept: ['sent'],
  reject: ['sent'],
  propose: ['sent'],
  start: ['accepted'],
  progress: ['accepted', 'in_progress', 'shipped'],
  ship: ['accepted', 'in_progress', 'shipped'],
};

/** The buyer's actions on `order` now; receiving waits for the final shipment. */
export function buyerActions(order: Order): BuyerAction[] {
  return (Object.keys(buyerFrom) as BuyerAction[]).filter(
    (action) => buyerFrom[action].includes(order.status) && (action !== 'receive' || orderedQuantity(order) <= order.shippedQuantity),
  );
}

/** The supplier's actions on `order` now; nothing ships once all of it has. */
export function supplierActions(order: Order): SupplierAction[] {
  const remaining = orderedQuantity(order) - order.shippedQuantity;
  return (Object.keys(supplierFrom) as SupplierAction[]).filter(
    (action) => supplierFrom[action].includes(order.status) && (action !== 'ship' || remaining > 0),
  );
}

/** Everything the order asks for, over all its lines. */
export function orderedQuantity(order: Pick<Order, 'lines'>): number {
  return order.lines.reduce((sum, line) => sum + line.quantity, 0);
}

/** Whether `supplierIds` (the signed-in account's sites) include the order's supplier: the order is one received. */
export function isReceived(order: Pick<Order, 'supplier'>, supplierIds: readonly string[]): boolean {
  return !!order.supplier.supplierId && supplierIds.includes(order.supplier.supplierId);
}
