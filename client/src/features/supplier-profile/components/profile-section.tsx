import type { ReactNode } from 'react';
import { DisclosureBadge, type DisclosureLevel } from '@/components/disclosure-badge';
import { useI18n } from '@/lib/i18n';

/**
 * One of the seven disclosure-controlled sections. A section the caller may not see is shown as hidden, with who may
 * see it — never as empty, which would claim the site has nothing there.
 */
export function ProfileSection({
  name,
  title,
  section,
  wide = false,
  children,
}: {
  name: string;
  title: string;
  section: { level: DisclosureLevel; hidden: boolean };
  /** Tables take the whole width of the page. */
  wide?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const headingId = `section-${name}-heading`;
  return (
    <section
      className={[
        'profile-section',
        section.hidden && 'profile-section--hidden',
        wide && !section.hidden && 'profile-section--wide',
      ]
        .filter(Boolean)
        .join(' ')}
      aria-labelledby={headingId}
      data-testid={`section-${name}`}
      data-hidden={section.hidden}
    >
      <header className="profile-section__head">
        <h2 id={headingId}>{title}</h2>
        <DisclosureBadge level={section.level} />
      </header>
      {section.hidden ? (
        <p className="profile-section__hidden" data-testid="section-hidden">
          <span className="profile-section__lock" aria-hidden="true" />
          <strong>{t('section.hidden', { level: t(`disclosure.${section.level}`) })}</strong>
          <span className="muted"> {t(`section.hiddenHint.${section.level === 'coordinators' ? 'coordinators' : 'members'}`)}</span>
        </p>
      ) : (
        children
      )}
    </section>
  );
}

/** What a visible section with no entries says. */
export function NoneRecorded() {
  const { t } = useI18n();
  return (
    <p className="muted" data-testid="section-empty">
      {t('section.none')}
    </p>
  );
}
