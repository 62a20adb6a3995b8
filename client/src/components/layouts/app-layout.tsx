import { Link, NavLink, Outlet, useMatches } from 'react-router';
import { hasRole, useSessionState, type Role } from '@/lib/auth';
import { isMessageKey, useI18n, type MessageKey } from '@/lib/i18n';
import { usePageTitle } from '@/lib/page-title';
import { LanguageSwitch } from '../language-switch';
import { UnsavedChangesGuard } from '../unsaved-changes';
import { UserMenu } from '../user-menu';

/**
 * A header link. A `public` page's link is shown to everyone; any other to signed-in users whose role is in `roles`
 * (any role when absent).
 */
export interface NavItem {
  to: string;
  label: MessageKey;
  roles?: readonly Role[];
  public?: boolean;
}

export function AppLayout({ navigation = [] }: { navigation?: readonly NavItem[] }) {
  const { t } = useI18n();
  const state = useSessionState();
  // The deepest route that names its page (its `handle.title`, a message key) gives the document's title.
  const titleKey = useMatches()
    .map((match) => (match.handle as { title?: unknown } | undefined)?.title)
    .filter((title): title is MessageKey => typeof title === 'string' && isMessageKey(title))
    .at(-1);
  usePageTitle(titleKey ? t(titleKey) : null);
  const visible = navigation.filter(
    (item) =>
      item.public || (state.status === 'signed-in' && (!item.roles || hasRole(state.user, item.roles))),
  );

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
            {visible.map((item) => (
              <NavLink key={item.to} to={item.to}>
                {t(item.label)}
              </NavLink>
            ))}
            {/* Served by the API, not a client route: a full page load is intended. */}
            <a href="/swagger">{t('nav.apiDocs')}</a>
          </nav>
          <UserMenu />
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        <UnsavedChangesGuard>
          <Outlet />
        </UnsavedChangesGuard>
      </main>
    </>
  );
}
