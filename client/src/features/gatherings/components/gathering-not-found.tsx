import { NotFound } from '@/components/not-found';
import { useI18n } from '@/lib/i18n';
import { ApiError } from '@/lib/problem';

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** A gathering that is not there, or not one the reader may see (a draft): the not-found page, not an error. */
export function GatheringNotFound() {
  const { t } = useI18n();
  return (
    <NotFound heading={t('gatherings.notFound')} body={t('gatherings.notFoundBody')} back={{ to: '/gatherings', label: t('gatherings.backToList') }} />
  );
}
