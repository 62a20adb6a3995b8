import { useId, useState } from 'react';
import { EmptyState } from '@/components/async-state';
import { WriteAlert } from '@/components/write-alert';
import { useI18n } from '@/lib/i18n';
import { placeMeeting } from '../api/meeting-actions';
import type { Gathering, Meeting, MeetingPlace } from '../api/types';
import { useWrite } from '../hooks/use-write';
import { meetingAt, placedMeetings, slotsOf } from '../timetable';

/**
 * The day as a grid per session: slots down, tables across, each placed meeting in its cell (📌 when pinned). Before
 * the day an organiser picks a meeting (placed, or one of the accepted ones not placed) and then the free cell to pin
 * it at; a pinned one can be unpinned (the next schedule run places it again).
 */
export function TimetableGrid({ gathering, meetings, onChanged }: { gathering: Gathering; meetings: readonly Meeting[]; onChanged: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [selected, setSelected] = useState<Meeting | null>(null);
  const { busy, failure, run } = useWrite<Meeting>(() => {
    setSelected(null);
    onChanged();
  });
  const placed = placedMeetings(meetings);
  const unplaced = meetings.filter((m) => m.status === 'accepted' && !m.place);
  const editable = gathering.status === 'booking_open' || gathering.status === 'scheduled';
  const pair = (m: Meeting) => t('gatherings.pair', { buyer: m.buyerName, supplier: m.supplierName });
  const pin = (place: MeetingPlace) => selected && void run(() => placeMeeting(gathering.id, selected, place));

  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="timetable">
      <h2 id={`${id}-heading`}>{t('gatherings.grid.heading')}</h2>
      <p className="muted">{t(editable ? 'gatherings.grid.lead' : 'gatherings.grid.leadReadOnly')}</p>
      {editable && unplaced.length > 0 && (
        <div className="grid-unplaced" data-testid="grid-unplaced">
          <h3>{t('gatherings.grid.unplaced', { count: unplaced.length })}</h3>
          <ul className="plain-list grid-unplaced__list">
            {unplaced.map((m) => (
              <li key={m.id}>
                <button type="button" className="button button--secondary button--small" aria-pressed={selected?.id === m.id} onClick={() => setSelected(selected?.id === m.id ? null : m)}>
                  {pair(m)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {selected && (
        <div className="grid-selected" role="status" data-testid="grid-selected">
          <p>{t('gatherings.grid.chooseCell', { pair: pair(selected) })}</p>
          <div className="form__actions">
            {selected.pinned && (
              <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => void run(() => placeMeeting(gathering.id, selected, null))}>
                {t('gatherings.place.unpin')}
              </button>
            )}
            <button type="button" className="button button--secondary button--small" onClick={() => setSelected(null)}>
              {t('gatherings.grid.deselect')}
            </button>
          </div>
        </div>
      )}
      {failure && <WriteAlert failure={failure} />}
      {placed.length === 0 && !editable ? (
        <EmptyState>{t('gatherings.grid.empty')}</EmptyState>
      ) : (
        gathering.sessions.map((session, s) => (
          <div key={s} className="table-scroll timetable__scroll">
            <table className="table timetable" data-testid="timetable-session" data-session={s}>
              <caption>
                {t('gatherings.sessionShort', {
                  name: session.label || t('gatherings.form.sessionN', { n: s + 1 }),
                  start: session.startsAt,
                  end: slotsOf(gathering.sessions, s).at(-1)?.end ?? session.startsAt,
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('gatherings.agenda.time')}</th>
                  {Array.from({ length: session.tables }, (_, table) => (
                    <th key={table} scope="col">
                      {t('gatherings.tableN', { n: table + 1 })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {slotsOf(gathering.sessions, s).map((slot) => (
                  <tr key={slot.slot}>
                    <th scope="row" className="table__nowrap">
                      {slot.start}–{slot.end}
                    </th>
                    {Array.from({ length: session.tables }, (_, table) => {
                      const here = meetingAt(placed, s, slot.slot, table);
                      const where = t('gatherings.grid.cell', { start: slot.start, table: table + 1 });
                      return (
                        <td key={table} className={here ? 'timetable__cell timetable__cell--taken' : 'timetable__cell'} data-testid="timetable-cell">
                          {here ? (
                            editable ? (
                              <button
                                type="button"
                                className="timetable__meeting"
                                aria-pressed={selected?.id === here.id}
                                aria-label={`${where} ${pair(here)}${here.pinned ? ` ${t('gatherings.meeting.pinned')}` : ''}`}
                                onClick={() => setSelected(selected?.id === here.id ? null : here)}
                              >
                                <Names meeting={here} />
                              </button>
                            ) : (
                              <span className="timetable__meeting">
                                <Names meeting={here} />
                              </span>
                            )
                          ) : selected && editable ? (
                            <button
                              type="button"
                              className="timetable__free"
                              disabled={busy}
                              aria-label={t('gatherings.grid.pinHere', { where, pair: pair(selected) })}
                              onClick={() => pin({ session: s, slot: slot.slot, table })}
                            >
                              {t('gatherings.grid.here')}
                            </button>
                          ) : null}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))
      )}
    </section>
  );
}

function Names({ meeting }: { meeting: Meeting }) {
  return (
    <>
      <span className="timetable__buyer">{meeting.buyerName}</span>
      <span className="timetable__supplier">{meeting.supplierName}</span>
      {meeting.pinned && <span aria-hidden="true"> 📌</span>}
    </>
  );
}
