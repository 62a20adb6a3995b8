import type { ReactNode } from 'react';
import { ErrorState, LoadingState } from '@/components/async-state';
import { NotFound } from '@/components/not-found';
import type { SupplierProfile } from '@/lib/api/suppliers';
import { useI18n } from '@/lib/i18n';
import { ApiError } from '@/lib/problem';
import { useSupplier } from '../hooks/use-supplier';

/**
 * A site's profile once it has loaded, for the profile page and the company sheet alike: while loading a placeholder,
 * a site that does not exist (or that the reader may not see) the not-found page with the way back to search, any
 * other failure with a retry.
 */
export function LoadedSupplier({ id, children }: { id: string; children: (profile: SupplierProfile, replace: (profile: SupplierProfile) => void) => ReactNode }) {
  const { t } = useI18n();
  const { state, reload, replace } = useSupplier(id);

  if (state.kind === 'loading') {
    return <LoadingState />;
  }
  if (state.kind === 'error') {
    if (state.error instanceof ApiError && state.error.status === 404) {
      return (
        <NotFound
          heading={t('profile.notFound')}
          body={t('profile.notFoundBody')}
          back={{ to: '/suppliers', label: t('profile.backToSearch') }}
          testId="supplier-not-found"
        />
      );
    }
    return <ErrorState error={state.error} onRetry={reload} />;
  }
  return children(state.profile, replace);
}
