import { useId, useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '@/components/async-state';
import { WriteAlert } from '@/components/write-alert';
import { formatNumber, useI18n } from '@/lib/i18n';
import { endMeeting, placeMeeting } from '../api/meeting-actions';
import type { Gathering, Meeting, MeetingStatus, Participant } from '../api/types';
import { useWrite } from '../hooks/use-write';
import { slotTime } from '../timetable';
import { MeetingStatusBadge } from './badges';
import { PlaceForm } from './place-form';
import { ProposeForm } from './propose-form';
import { ReasonForm } from '@/components/reason-form';

type Filter = 'open' | MeetingStatus | 'all';

/**
 * Every meeting of the gathering: who meets whom, who asked, its state, score, and its place; organisers pin one at a
 * slot and table, unpin it, or cancel it (with a reason), and propose new ones.
 */
export function MeetingsPanel({
  gathering,
  participants,
  meetings,
  onChanged,
}: {
  gathering: Gathering;
  participants: readonly Participant[];
  meetings: readonly Meeting[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [filter, setFilter] = useState<Filter>('open');
  const shown = meetings.filter((m) =>
    filter === 'all' ? true : filter === 'open' ? m.status === 'requested' || m.status === 'accepted' : m.status === filter,
  );
  const count = (status: MeetingStatus) => meetings.filter((m) => m.status === status).length;
  const canPropose = gathering.status === 'booking_open' || gathering.status === 'scheduled';
  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="meetings-panel">
      <h2 id={`${id}-heading`}>{t('gatherings.board.meetings', { count: meetings.length })}</h2>
      <p className="muted" data-testid="meeting-counts">
        {t('gatherings.board.meetingCounts', { requested: count('requested'), accepted: count('accepted'), declined: count('declined'), cancelled: count('cancelled') })}
      </p>
      {canPropose && <ProposeForm gathering={gathering} participants={participants} meetings={meetings} onProposed={onChanged} />}
      <div className="form__field board__filter">
        <label htmlFor={`${id}-filter`}>{t('gatherings.board.meetingFilter')}</label>
        <select id={`${id}-filter`} value={filter} onChange={(event) => setFilter(event.target.value as Filter)}>
          {(['open', 'requested', 'accepted', 'declined', 'cancelled', 'all'] as const).map((value) => (
            <option key={value} value={value}>
              {t(`gatherings.board.filter.${value}`)}
            </option>
          ))}
        </select>
      </div>
      {shown.length === 0 ? (
        <EmptyState>{t('gatherings.board.noMeetings')}</EmptyState>
      ) : (
        <ul className="board-list" data-testid="board-meetings">
          {shown.map((meeting) => (
            <MeetingRow key={meeting.id} gathering={gathering} meeting={meeting} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </section>
  );
}

type Open = null | 'place' | 'cancel';

function MeetingRow({ gathering, meeting, onChanged }: { gathering: Gathering; meeting: Meeting; onChanged: () => void }) {
  const { t, language } = useI18n();
  const [open, setOpen] = useState<Open>(null);
  const { busy, failure, run, clear } = useWrite<Meeting>(() => {
    setOpen(null);
    onChanged();
  });
  const time = meeting.place ? slotTime(gathering.sessions, meeting.place.session, meeting.place.slot) : null;
  const beforeDay = gathering.status === 'booking_open' || gathering.status === 'scheduled';
  const live = beforeDay || gathering.status === 'published';
  const show = (which: Open) => {
    clear();
    setOpen(which);
  };
  return (
    <li className="board-row" data-testid="board-meeting" data-status={meeting.status} data-pinned={meeting.pinned || undefined}>
      <div className="board-row__main">
        <p>
          <strong>{t('gatherings.pair', { buyer: meeting.buyerName, supplier: meeting.supplierName })}</strong>{' '}
          <MeetingStatusBadge status={meeting.status} />
          {meeting.mutual && <span className="tag">{t('gatherings.meeting.mutual')}</span>}
          {meeting.pinned && <span className="tag" data-testid="pinned">{t('gatherings.meeting.pinned')}</span>}
        </p>
        <p className="muted">
          {t(`gatherings.meeting.requestedBy.${meeting.requestedBy}`)}
          {meeting.score != null && <> · {t('gatherings.score', { score: formatNumber(meeting.score * 100, language, 0) })}</>}
          {time && meeting.place ? (
            <span data-testid="board-meeting-place">
              {' · '}
              {t('gatherings.meeting.placeLine', {
                session: gathering.sessions[meeting.place.session]?.label || t('gatherings.form.sessionN', { n: meeting.place.session + 1 }),
                start: time.start,
                end: time.end,
                table: meeting.place.table + 1,
              })}
            </span>
          ) : meeting.status === 'accepted' ? (
            <> · {t('gatherings.meeting.notPlaced')}</>
          ) : null}
        </p>
        {meeting.reason && <p className="meeting-item__note">{t('gatherings.meeting.reason', { reason: meeting.reason })}</p>}
        {meeting.status === 'accepted' && (
          <p>
            <Link to={`/gatherings/${gathering.id}/meetings/${meeting.id}/brief`}>{t('gatherings.brief.open')}</Link>
            {(meeting.buyerOutcome || meeting.supplierOutcome) && (
              <span className="muted" data-testid="board-outcomes">
                {' · '}
                {t('gatherings.board.outcomes', {
                  buyer: meeting.buyerOutcome ? t(`gatherings.outcome.kind.${meeting.buyerOutcome.outcome}`) : t('gatherings.board.noOutcome'),
                  supplier: meeting.supplierOutcome ? t(`gatherings.outcome.kind.${meeting.supplierOutcome.outcome}`) : t('gatherings.board.noOutcome'),
                })}
              </span>
            )}
          </p>
        )}
      </div>
      {open === null && live && (
        <div className="board-row__actions" role="group" aria-label={t('gatherings.board.actionsFor', { name: t('gatherings.pair', { buyer: meeting.buyerName, supplier: meeting.supplierName }) })}>
          {beforeDay && meeting.status === 'accepted' && (
            <button type="button" className="button button--small" disabled={busy} onClick={() => show('place')}>
              {t(meeting.place ? 'gatherings.place.move' : 'gatherings.place.pin')}
            </button>
          )}
          {beforeDay && meeting.pinned && (
            <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => void run(() => placeMeeting(gathering.id, meeting, null))}>
              {t('gatherings.place.unpin')}
            </button>
          )}
          {(meeting.status === 'requested' || meeting.status === 'accepted') && (
            <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => show('cancel')}>
              {t('gatherings.meeting.cancel')}
            </button>
          )}
        </div>
      )}
      {open === null && failure && <WriteAlert failure={failure} />}
      {open === 'place' && <PlaceForm gathering={gathering} meeting={meeting} onPlaced={() => { setOpen(null); onChanged(); }} onCancel={() => show(null)} />}
      {open === 'cancel' && (
        <ReasonForm
          testId="meeting-cancel-form"
          label={t('gatherings.meeting.cancelReason')}
          submitLabel={t('gatherings.meeting.cancel')}
          busy={busy}
          failure={failure}
          onSubmit={(reason) => void run(() => endMeeting(gathering.id, meeting, 'cancel', reason))}
          onCancel={() => show(null)}
        />
      )}
    </li>
  );
}
