import { Link } from 'react-router';
import { useI18n } from '@/lib/i18n';

export function NotFoundRoute() {
  const { t } = useI18n();
  return (
    <section className="card not-found">
      <p className="not-found__code" aria-hidden="true">
        404
      </p>
      <h1>{t('notFound.heading')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.backHome')}</Link>
      </p>
    </section>
  );
}
