import { Link } from 'react-router';
import { ErrorState, LoadingState } from '@/components/async-state';
import { formatDateTime, formatDay, useI18n } from '@/lib/i18n';
import { usePageTitle } from '@/lib/page-title';
import { useLoaded } from '@/lib/use-loaded';
import { getGathering } from '../api/get-gathering';
import { listMeetings } from '../api/list-meetings';
import type { Gathering, Meeting } from '../api/types';
import { tablePlan } from '../timetable';
import { GatheringNotFound, isNotFound } from './gathering-not-found';
import { titleOf } from './gathering-title';
import './agenda.css';

/** The venue's table plan (organisers), to print: per session and slot, which buyer meets which supplier at which table. */
export function TablePlanPage({ id }: { id: string }) {
  const { t } = useI18n();
  const gathering = useLoaded(`gathering-${id}`, (signal) => getGathering(id, signal));
  const meetings = useLoaded(`plan-meetings-${id}`, (signal) => listMeetings(id, signal));
  if (gathering.state.kind === 'loading' || meetings.state.kind === 'loading') {
    return <LoadingState />;
  }
  if (gathering.state.kind === 'error') {
    return isNotFound(gathering.state.error) ? <GatheringNotFound /> : <ErrorState error={gathering.state.error} onRetry={gathering.reload} />;
  }
  if (meetings.state.kind === 'error') {
    return <ErrorState error={meetings.state.error} onRetry={meetings.reload} />;
  }
  return (
    <div className="agenda-page">
      <div className="agenda-toolbar">
        <Link to={`/gatherings/${id}/board`}>{t('gatherings.board.back')}</Link>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('gatherings.tablePlan.print')}
        </button>
      </div>
      <TablePlanSheet gathering={gathering.state.data} meetings={meetings.state.data} />
    </div>
  );
}

export function TablePlanSheet({ gathering, meetings }: { gathering: Gathering; meetings: readonly Meeting[] }) {
  const { t, language } = useI18n();
  const title = titleOf(gathering, language);
  usePageTitle(t('gatherings.tablePlan.pageTitle', { title }), 1);
  const plan = tablePlan(gathering.sessions, meetings);
  const total = plan.reduce((sum, s) => sum + s.slots.reduce((n, slot) => n + slot.tables.length, 0), 0);
  return (
    <article className="agenda-sheet table-plan" data-testid="table-plan" lang={language}>
      <header className="agenda-sheet__head">
        <p className="agenda-sheet__gathering">{title}</p>
        <h1>{t('gatherings.tablePlan.heading')}</h1>
        <p>
          {formatDay(gathering.heldOn, language)}
          {gathering.venue && ` · ${gathering.venue}`}
          {' · '}
          {t('gatherings.tablePlan.total', { count: total })}
        </p>
      </header>
      {plan.map((session) => (
        <section key={session.session} className="table-plan__session" data-testid="plan-session">
          <h2>
            {t('gatherings.sessionShort', {
              name: session.label || t('gatherings.form.sessionN', { n: session.session + 1 }),
              start: session.start,
              end: session.end,
            })}
          </h2>
          <table className="table table-plan__table">
            <thead>
              <tr>
                <th scope="col">{t('gatherings.agenda.time')}</th>
                <th scope="col">{t('gatherings.agenda.table')}</th>
                <th scope="col">{t('gatherings.role.buyer')}</th>
                <th scope="col">{t('gatherings.role.supplier')}</th>
              </tr>
            </thead>
            <tbody>
              {session.slots.map((slot) =>
                slot.tables.length === 0 ? (
                  <tr key={slot.slot} className="table-plan__empty">
                    <th scope="row" className="table__nowrap">
                      {slot.start}–{slot.end}
                    </th>
                    <td colSpan={3} className="muted">
                      {t('gatherings.tablePlan.noMeetings')}
                    </td>
                  </tr>
                ) : (
                  slot.tables.map((row, i) => (
                    <tr key={`${slot.slot}-${row.table}`} data-testid="plan-row">
                      {i === 0 && (
                        <th scope="rowgroup" rowSpan={slot.tables.length} className="table__nowrap">
                          {slot.start}–{slot.end}
                        </th>
                      )}
                      <td className="table__nowrap" data-testid="plan-table">{t('gatherings.tableN', { n: row.table })}</td>
                      <td data-testid="plan-buyer">{row.meeting.buyerName}</td>
                      <td data-testid="plan-supplier">{row.meeting.supplierName}</td>
                    </tr>
                  ))
                ),
              )}
            </tbody>
          </table>
        </section>
      ))}
      <footer className="agenda-sheet__foot">
        <p>{t('gatherings.agenda.footer', { name: t('app.name'), date: formatDateTime(new Date(), language) })}</p>
      </footer>
    </article>
  );
}
