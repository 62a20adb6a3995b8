import { createContext, useContext, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '@/lib/i18n';

/** Whether site names open their profile in a new tab: where leaving would lose work (an unsaved preview). */
export const ProfilesInNewTab = createContext(false);

/** A site's name as a link to its profile (/suppliers/{id}). */
export function ProfileLink({
  id,
  className,
  testId,
  children,
}: {
  id: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const newTab = useContext(ProfilesInNewTab);
  return (
    <Link
      to={`/suppliers/${id}`}
      className={className}
      data-testid={testId}
      {...(newTab ? { target: '_blank', rel: 'noopener' } : {})}
    >
      {children}
      {newTab && <span className="visually-hidden">{t('matching.opensInNewTab')}</span>}
    </Link>
  );
}
