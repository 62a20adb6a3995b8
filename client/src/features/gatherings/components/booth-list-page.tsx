import { Link } from 'react-router';
import { ErrorState, LoadingState } from '@/components/async-state';
import { formatDateTime, formatDay, useI18n } from '@/lib/i18n';
import { usePageTitle } from '@/lib/page-title';
import { useLoaded } from '@/lib/use-loaded';
import { listBooths } from '../api/booths';
import { getGathering } from '../api/get-gathering';
import type { Booth, Gathering } from '../api/types';
import { BoothList } from './booth-list';
import { GatheringNotFound, isNotFound } from './gathering-not-found';
import { titleOf } from './gathering-title';
import './agenda.css';
import './gatherings.css';

/** A showcase's exhibitors and their booths as a sheet to print (anyone: what each shows is read at the reader's level). */
export function BoothListPage({ id }: { id: string }) {
  const { t } = useI18n();
  const gathering = useLoaded(`gathering-${id}`, (signal) => getGathering(id, signal));
  const booths = useLoaded(`booth-list-${id}`, (signal) => listBooths(id, signal));
  if (gathering.state.kind === 'loading' || booths.state.kind === 'loading') {
    return <LoadingState />;
  }
  if (gathering.state.kind === 'error') {
    return isNotFound(gathering.state.error) ? <GatheringNotFound /> : <ErrorState error={gathering.state.error} onRetry={gathering.reload} />;
  }
  if (booths.state.kind === 'error') {
    return <ErrorState error={booths.state.error} onRetry={booths.reload} />;
  }
  return (
    <div className="agenda-page">
      <div className="agenda-toolbar">
        <Link to={`/gatherings/${id}`}>{t('gatherings.backToGathering')}</Link>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('gatherings.booths.print')}
        </button>
      </div>
      <BoothSheet gathering={gathering.state.data} booths={booths.state.data} />
    </div>
  );
}

function BoothSheet({ gathering, booths }: { gathering: Gathering; booths: readonly Booth[] }) {
  const { t, language } = useI18n();
  const title = titleOf(gathering, language);
  usePageTitle(t('gatherings.booths.pageTitle', { title }), 1);
  return (
    <article className="agenda-sheet booth-sheet" data-testid="booth-sheet" lang={language}>
      <header className="agenda-sheet__head">
        <p className="agenda-sheet__gathering">{title}</p>
        <h1>{t('gatherings.booths.sheetHeading')}</h1>
        <p>
          {formatDay(gathering.heldOn, language)}
          {gathering.venue && ` · ${gathering.venue}`}
          {' · '}
          {t('gatherings.booths.total', { count: booths.length })}
        </p>
      </header>
      {booths.length === 0 ? <p className="muted">{t('gatherings.booths.none')}</p> : <BoothList booths={booths} level={2} />}
      <footer className="agenda-sheet__foot">
        <p>{t('gatherings.agenda.footer', { name: t('app.name'), date: formatDateTime(new Date(), language) })}</p>
      </footer>
    </article>
  );
}
