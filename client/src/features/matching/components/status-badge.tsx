import { useI18n } from '@/lib/i18n';
import type { RequestStatus } from '../api/types';

export function StatusBadge({ status }: { status: RequestStatus }) {
  const { t } = useI18n();
  return (
    <span className="status-badge" data-testid="request-status" data-status={status}>
      {t(`matching.status.${status}`)}
    </span>
  );
}
