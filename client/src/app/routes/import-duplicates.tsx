import { ImportDuplicates } from '@/features/import-duplicates/components/import-duplicates';
import { useI18n } from '@/lib/i18n';

export function ImportDuplicatesRoute() {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="duplicates-heading">
      <h1 id="duplicates-heading">{t('duplicates.heading')}</h1>
      <p className="muted">{t('duplicates.lead')}</p>
      <ImportDuplicates />
    </section>
  );
}
