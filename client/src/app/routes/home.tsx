import { Link } from 'react-router';
import { ReadinessStatus } from '@/features/health/components/readiness-status';
import { useI18n } from '@/lib/i18n';

export function HomeRoute() {
  const { t } = useI18n();
  return (
    <>
      <section className="hero">
        <h1>{t('home.heading')}</h1>
        <p className="hero__lead">{t('home.lead')}</p>
        <p>
          <Link className="button" to="/suppliers">
            {t('home.findSuppliers')}
          </Link>
        </p>
      </section>
      <ReadinessStatus />
    </>
  );
}
