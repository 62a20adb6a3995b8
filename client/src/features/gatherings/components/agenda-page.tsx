import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '@/components/async-state';
import { formatDateTime, formatDay, formatJapanTime, useI18n } from '@/lib/i18n';
import { usePageTitle } from '@/lib/page-title';
import { useLoaded } from '@/lib/use-loaded';
import { downloadAgendaCalendar } from '../api/download-agenda-calendar';
import { getAgenda } from '../api/get-agenda';
import type { Agenda, Meeting } from '../api/types';
import { otherSide } from '../gathering-rules';
import { GatheringNotFound, isNotFound } from './gathering-not-found';
import './agenda.css';

/**
 * A participant's day (the caller's own; organisers anyone's with `participantId`): its agreed meetings in time order
 * with the table and the other side, to print (A4, without the site's header) or to take into a calendar (.ics).
 */
export function AgendaPage({ id, participantId }: { id: string; participantId?: string }) {
  const { t } = useI18n();
  const agenda = useLoaded(`agenda-${id}-${participantId ?? ''}`, (signal) => getAgenda(id, participantId, signal));
  const [download, setDownload] = useState<{ kind: 'idle' } | { kind: 'busy' } | { kind: 'failed'; error: unknown }>({ kind: 'idle' });

  if (agenda.state.kind === 'loading') {
    return <LoadingState />;
  }
  if (agenda.state.kind === 'error') {
    return isNotFound(agenda.state.error) ? <GatheringNotFound /> : <ErrorState error={agenda.state.error} onRetry={agenda.reload} />;
  }
  const data = agenda.state.data;

  async function save() {
    setDownload({ kind: 'busy' });
    try {
      await downloadAgendaCalendar(id, participantId, `agenda-${data.heldOn}.ics`);
      setDownload({ kind: 'idle' });
    } catch (error) {
      setDownload({ kind: 'failed', error });
    }
  }

  return (
    <div className="agenda-page">
      <div className="agenda-toolbar">
        <Link to={`/gatherings/${id}`}>{t('gatherings.backToGathering')}</Link>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('gatherings.agenda.print')}
        </button>
        <button type="button" className="button button--secondary" disabled={download.kind === 'busy'} onClick={() => void save()} data-testid="agenda-ics">
          {t('gatherings.agenda.ics')}
        </button>
        <p className="muted agenda-toolbar__hint">{t('gatherings.agenda.icsHint')}</p>
        {download.kind === 'failed' && <ErrorState error={download.error} />}
      </div>
      <AgendaSheet agenda={data} />
    </div>
  );
}

/** The agenda itself, as printed: the gathering, the day, the venue, the participant, and its meetings by time. */
export function AgendaSheet({ agenda }: { agenda: Agenda }) {
  const { t, language } = useI18n();
  usePageTitle(t('gatherings.agenda.pageTitle', { name: agenda.participant.name }), 1);
  const me = agenda.participant.id;
  const placed = agenda.meetings.filter((m) => m.startsAt).sort(byStart);
  const unplaced = agenda.meetings.filter((m) => !m.startsAt);
  return (
    <article className="agenda-sheet" data-testid="agenda-sheet" lang={language}>
      <header className="agenda-sheet__head">
        <p className="agenda-sheet__gathering">{agenda.gatheringTitle}</p>
        <h1>{t('gatherings.agenda.heading', { name: agenda.participant.name })}</h1>
        <p>
          {formatDay(agenda.heldOn, language)}
          {agenda.venue && ` · ${agenda.venue}`}
          {agenda.venueAddress && ` (${agenda.venueAddress})`}
        </p>
      </header>
      {placed.length === 0 ? (
        <EmptyState>{t(unplaced.length > 0 ? 'gatherings.agenda.notScheduled' : 'gatherings.agenda.none')}</EmptyState>
      ) : (
        <table className="table agenda-sheet__table" data-testid="agenda-table">
          <caption className="visually-hidden">{t('gatherings.agenda.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('gatherings.agenda.time')}</th>
              <th scope="col">{t('gatherings.agenda.table')}</th>
              <th scope="col">{t('gatherings.agenda.with')}</th>
            </tr>
          </thead>
          <tbody>
            {placed.map((meeting) => (
              <tr key={meeting.id} data-testid="agenda-row">
                <td className="table__nowrap" data-testid="agenda-time">
                  {formatJapanTime(meeting.startsAt!)}–{meeting.endsAt ? formatJapanTime(meeting.endsAt) : ''}
                </td>
                <td className="table__nowrap" data-testid="agenda-table-no">
                  {meeting.place ? t('gatherings.tableN', { n: meeting.place.table + 1 }) : '—'}
                </td>
                <th scope="row" data-testid="agenda-with">
                  {otherSide(meeting, me).name}
                  {meeting.note && <span className="table__sub">{meeting.note}</span>}
                </th>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {placed.length > 0 && unplaced.length > 0 && (
        <p className="muted" data-testid="agenda-unplaced">
          {t('gatherings.agenda.unplaced', { count: unplaced.length })}
        </p>
      )}
      <footer className="agenda-sheet__foot">
        <p>{t('gatherings.agenda.footer', { name: t('app.name'), date: formatDateTime(new Date(), language) })}</p>
      </footer>
    </article>
  );
}

const byStart = (a: Meeting, b: Meeting) => (a.startsAt ?? '').localeCompare(b.startsAt ?? '');
