import { useI18n } from '@/lib/i18n';
import type { OrderStatus } from '../api/types';

/** An order's state in words (下書き, 送付済み, 受注 …); data-status carries the wire name for tests and styles. */
export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useI18n();
  return (
    <span className="order-status" data-testid="order-status" data-status={status}>
      {t(`orders.status.${status}`)}
    </span>
  );
}

/** 遅れ: a leg expected to ship after its due date, or past it unshipped. */
export function LateBadge() {
  const { t } = useI18n();
  return (
    <span className="order-late" data-testid="late">
      {t('orders.late')}
    </span>
  );
}
