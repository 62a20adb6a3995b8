import { useState, type ReactNode } from 'react';
import { WriteAlert } from '@/components/write-alert';
import { formatJapanTime, formatNumber, useI18n } from '@/lib/i18n';
import { acceptMeeting, endMeeting } from '../api/meeting-actions';
import type { Gathering, Meeting } from '../api/types';
import { askedOf, otherSide } from '../gathering-rules';
import { useWrite } from '../hooks/use-write';
import { MeetingStatusBadge } from './badges';
import { ReasonForm } from '@/components/reason-form';

type Open = null | 'decline' | 'cancel';

/**
 * One of the participant's meetings, seen from its side: the other side, who asked, the score, when and at which
 * table once placed, and what the participant may do now — accept or decline (with a reason) what it was asked,
 * cancel (with a reason) what is still on. `children` adds more (the brief, the outcome).
 */
export function MeetingItem({
  gathering,
  meeting,
  participantId,
  onChanged,
  children,
}: {
  gathering: Gathering;
  meeting: Meeting;
  participantId: string;
  onChanged: (meeting: Meeting) => void;
  children?: ReactNode;
}) {
  const { t, language } = useI18n();
  const [open, setOpen] = useState<Open>(null);
  const { busy, failure, run, clear } = useWrite<Meeting>((updated) => {
    setOpen(null);
    onChanged(updated);
  });
  const other = otherSide(meeting, participantId);
  const asked = askedOf(meeting, participantId);
  const live = !['held', 'closed', 'cancelled'].includes(gathering.status);
  const cancellable = live && (meeting.status === 'requested' || meeting.status === 'accepted');
  const show = (which: Open) => {
    clear();
    setOpen(which);
  };

  return (
    <li className="meeting-item" data-testid="meeting-item" data-status={meeting.status} data-with={other.name}>
      <div className="meeting-item__line">
        <strong className="meeting-item__other">{other.name}</strong>
        <MeetingStatusBadge status={meeting.status} />
        {meeting.mutual && <span className="tag">{t('gatherings.meeting.mutual')}</span>}
        {meeting.score != null && (
          <span className="muted">{t('gatherings.score', { score: formatNumber(meeting.score * 100, language, 0) })}</span>
        )}
      </div>
      <p className="muted">
        {t(`gatherings.meeting.requestedBy.${meeting.requestedBy}`)}
        {meeting.startsAt && meeting.endsAt && meeting.place && (
          <span data-testid="meeting-when">
            {' · '}
            {t('gatherings.meeting.when', {
              start: formatJapanTime(meeting.startsAt),
              end: formatJapanTime(meeting.endsAt),
              table: meeting.place.table + 1,
            })}
          </span>
        )}
        {meeting.status === 'accepted' && !meeting.place && <> · {t('gatherings.meeting.notPlaced')}</>}
      </p>
      {meeting.note && <p className="meeting-item__note">{t('gatherings.meeting.note', { note: meeting.note })}</p>}
      {meeting.reason && (meeting.status === 'declined' || meeting.status === 'cancelled') && (
        <p className="meeting-item__note">{t('gatherings.meeting.reason', { reason: meeting.reason })}</p>
      )}
      {open === null && live && (asked || cancellable) && (
        <div className="meeting-item__buttons" role="group" aria-label={t('gatherings.meeting.actionsFor', { name: other.name })}>
          {asked && (
            <>
              <button type="button" className="button button--small" disabled={busy} onClick={() => void run(() => acceptMeeting(gathering.id, meeting))}>
                {t('gatherings.meeting.accept')}
              </button>
              <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => show('decline')}>
                {t('gatherings.meeting.decline')}
              </button>
            </>
          )}
          {cancellable && !asked && (
            <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => show('cancel')}>
              {t(meeting.status === 'requested' ? 'gatherings.meeting.withdrawRequest' : 'gatherings.meeting.cancel')}
            </button>
          )}
        </div>
      )}
      {open === null && failure && <WriteAlert failure={failure} />}
      {open !== null && (
        <ReasonForm
          testId={`meeting-${open}-form`}
          label={t(open === 'decline' ? 'gatherings.meeting.declineReason' : 'gatherings.meeting.cancelReason')}
          submitLabel={t(open === 'decline' ? 'gatherings.meeting.decline' : 'gatherings.meeting.cancel')}
          busy={busy}
          failure={failure}
          onSubmit={(reason) => void run(() => endMeeting(gathering.id, meeting, open, reason))}
          onCancel={() => show(null)}
        />
      )}
      {children}
    </li>
  );
}
