import { useId, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form-alert';
import { unclaimedErrors } from '@/lib/field-errors';
import { useI18n } from '@/lib/i18n';
import { placeMeeting } from '../api/meeting-actions';
import type { Gathering, Meeting, MeetingPlace } from '../api/types';
import { useWrite } from '../hooks/use-write';
import { slotsOf } from '../timetable';

/**
 * Pins a meeting by hand: a session, a slot (by its time) and a table (1, 2, …). The API refuses a taken table or a
 * side busy then (409, its reason shown here); the schedule's next run keeps a pinned meeting where it is.
 */
export function PlaceForm({
  gathering,
  meeting,
  initial,
  onPlaced,
  onCancel,
}: {
  gathering: Gathering;
  meeting: Meeting;
  initial?: MeetingPlace | null;
  onPlaced: (meeting: Meeting) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const start = initial ?? meeting.place ?? { session: 0, slot: 0, table: 0 };
  const [session, setSession] = useState(start.session);
  const [slot, setSlot] = useState(start.slot);
  const [table, setTable] = useState(start.table);
  const { busy, failure, run } = useWrite<Meeting>(onPlaced);
  const tables = gathering.sessions[session]?.tables ?? 0;
  const slots = slotsOf(gathering.sessions, session);

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(() => placeMeeting(gathering.id, meeting, { session, slot, table }));
  }

  return (
    <form className="form gathering-inline-form place-form" onSubmit={submit} noValidate data-testid="place-form">
      <p className="muted">{t('gatherings.place.lead', { buyer: meeting.buyerName, supplier: meeting.supplierName })}</p>
      <div className="place-form__fields">
        <div className="form__field">
          <label htmlFor={`${id}-session`}>{t('gatherings.place.session')}</label>
          <select
            id={`${id}-session`}
            value={session}
            onChange={(event) => {
              setSession(Number(event.target.value));
              setSlot(0);
              setTable(0);
            }}
          >
            {gathering.sessions.map((s, index) => (
              <option key={index} value={index}>
                {s.label || t('gatherings.form.sessionN', { n: index + 1 })}
              </option>
            ))}
          </select>
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-slot`}>{t('gatherings.place.slot')}</label>
          <select id={`${id}-slot`} value={slot} onChange={(event) => setSlot(Number(event.target.value))}>
            {slots.map((s) => (
              <option key={s.slot} value={s.slot}>
                {s.start}–{s.end}
              </option>
            ))}
          </select>
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-table`}>{t('gatherings.place.table')}</label>
          <select id={`${id}-table`} value={table} onChange={(event) => setTable(Number(event.target.value))}>
            {Array.from({ length: tables }, (_, n) => (
              <option key={n} value={n}>
                {t('gatherings.tableN', { n: n + 1 })}
              </option>
            ))}
          </select>
        </div>
      </div>
      {failure && <FormAlert failure={failure} unclaimed={failure.kind === 'invalid' ? unclaimedErrors(failure.errors, []) : []} />}
      <div className="form__actions">
        <button type="submit" className="button" disabled={busy}>
          {t('gatherings.place.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('gatherings.back')}
        </button>
      </div>
    </form>
  );
}
