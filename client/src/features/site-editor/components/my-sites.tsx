import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '@/components/async-state';
import { getCurrentUser } from '@/lib/api/accounts';
import { getSupplier, type SupplierProfile } from '@/lib/api/suppliers';
import { formatIsoDate, useI18n } from '@/lib/i18n';
import './site-editor.css';

type Site = { id: string; profile: SupplierProfile } | { id: string; error: unknown };
type State = { kind: 'loading' } | { kind: 'ready'; sites: Site[] } | { kind: 'error'; error: unknown };

/** The sites this supplier account may edit (`supplierIds` of /auth/me), and registering another. */
export function MySites() {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    (async () => {
      const user = await getCurrentUser(controller.signal);
      const sites = await Promise.all(
        (user.supplierIds ?? []).map((id) =>
          getSupplier(id, controller.signal).then(
            (profile): Site => ({ id, profile }),
            (error: unknown): Site => ({ id, error }),
          ),
        ),
      );
      return sites;
    })().then(
      (sites) => !controller.signal.aborted && setState({ kind: 'ready', sites }),
      (error: unknown) => !controller.signal.aborted && setState({ kind: 'error', error }),
    );
    return () => controller.abort();
  }, [attempt]);

  return (
    <>
      <p>
        <Link className="button" to="/my/sites/new">
          {t('mySites.new')}
        </Link>
      </p>
      {state.kind === 'loading' && <LoadingState />}
      {state.kind === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {state.kind === 'ready' && state.sites.length === 0 && <EmptyState>{t('mySites.empty')}</EmptyState>}
      {state.kind === 'ready' && state.sites.length > 0 && (
        <ul className="my-sites" data-testid="my-sites">
          {state.sites.map((site) =>
            'profile' in site ? (
              <li key={site.id} data-testid="my-site">
                <span className="my-sites__name">{site.profile.nameJa}</span>
                <span className={site.profile.status === 'published' ? 'badge badge--on' : 'badge badge--off'}>
                  {t(`status.${site.profile.status}`)}
                </span>
                <span className="muted">{t('profile.confirmedAt', { date: formatIsoDate(site.profile.confirmedAt) })}</span>
                <Link to={`/suppliers/${site.id}/edit`}>{t('mySites.edit')}</Link>
                <Link to={`/suppliers/${site.id}`}>{t('mySites.view')}</Link>
              </li>
            ) : (
              <li key={site.id}>
                <code>{site.id}</code>
                <ErrorState error={site.error} onRetry={reload} />
              </li>
            ),
          )}
        </ul>
      )}
    </>
  );
}
