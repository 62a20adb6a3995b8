import { Link } from 'react-router';
import { useI18n } from '@/lib/i18n';
import { usePageTitle } from '@/lib/page-title';

/**
 * The not-found page: an unknown address, and a site, cluster or request the API answers 404 for (not there, or not
 * for this reader) — never a generic error with a trace id. Names itself in the document title.
 */
export function NotFound({
  heading,
  body,
  back,
  testId = 'not-found',
}: {
  heading?: string;
  body?: string;
  back?: { to: string; label: string };
  testId?: string;
}) {
  const { t } = useI18n();
  const title = heading ?? t('notFound.heading');
  usePageTitle(title, 1);
  return (
    <section className="card not-found" data-testid={testId}>
      <p className="not-found__code" aria-hidden="true">
        404
      </p>
      <h1>{title}</h1>
      <p>{body ?? t('notFound.body')}</p>
      <p>{back ? <Link to={back.to}>{back.label}</Link> : <Link to="/">{t('notFound.backHome')}</Link>}</p>
    </section>
  );
}
