import { Link, Outlet } from 'react-router';
import { useI18n } from '@/lib/i18n';
import { LanguageSwitch } from '../language-switch';

export function AppLayout() {
  const { t } = useI18n();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="site-header__brand">
            <img src="/favicon.svg" alt="" width="28" height="28" />
            <span>{t('app.name')}</span>
          </Link>
          <nav aria-label={t('nav.label')} className="site-header__nav">
            {/* Served by the API, not a client route: a full page load is intended. */}
            <a href="/swagger">{t('nav.apiDocs')}</a>
          </nav>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
