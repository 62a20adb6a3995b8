import { MySites } from '@/features/site-editor/components/my-sites';
import { useI18n } from '@/lib/i18n';

export function MySitesRoute() {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="my-sites-heading">
      <h1 id="my-sites-heading">{t('mySites.heading')}</h1>
      <p className="muted">{t('mySites.lead')}</p>
      <MySites />
    </section>
  );
}
