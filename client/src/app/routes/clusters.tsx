import { ClusterList } from '@/features/clusters/components/cluster-list';
import { useI18n } from '@/lib/i18n';

export function ClustersRoute() {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="clusters-heading">
      <h1 id="clusters-heading">{t('clusters.heading')}</h1>
      <p className="muted">{t('clusters.lead')}</p>
      <ClusterList />
    </section>
  );
}
