import { useI18n } from '@/lib/i18n';
import type { ClusterStatus } from '../api/types';

export function ClusterStatusBadge({ status }: { status: ClusterStatus }) {
  const { t } = useI18n();
  return (
    <span className={status === 'published' ? 'badge badge--on' : 'badge badge--off'} data-testid="cluster-status" data-status={status}>
      {t(`clusters.status.${status}`)}
    </span>
  );
}
