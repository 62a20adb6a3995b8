import { AuditLogTable } from '@/features/audit-log/components/audit-log-table';
import { useI18n } from '@/lib/i18n';

export function AuditRoute() {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="audit-heading">
      <h1 id="audit-heading">{t('audit.heading')}</h1>
      <p className="muted">{t('audit.lead')}</p>
      <AuditLogTable />
    </section>
  );
}
