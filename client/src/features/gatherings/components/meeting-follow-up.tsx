import { Link } from 'react-router';
import { useI18n } from '@/lib/i18n';
import type { Gathering, Meeting, Participant } from '../api/types';
import { sideOf } from '../gathering-rules';
import { OutcomeForm } from './outcome-form';

/**
 * Under an agreed meeting of the participant: its one-page brief, and once the gathering is held, the outcome the
 * participant's side records (whether the two met — both checked in — is said too).
 */
export function MeetingFollowUp({
  gathering,
  me,
  meeting,
  participants,
  onMeeting,
}: {
  gathering: Gathering;
  me: Participant;
  meeting: Meeting;
  participants: readonly Participant[];
  onMeeting: (meeting: Meeting) => void;
}) {
  const { t } = useI18n();
  const side = sideOf(meeting, me.id);
  if (meeting.status !== 'accepted' || side === null) {
    return null;
  }
  const held = gathering.status === 'held' || gathering.status === 'closed';
  const siteId = side === 'supplier' ? (me.supplierId ?? null) : (participants.find((p) => p.id === meeting.supplierId)?.supplierId ?? null);
  return (
    <div className="meeting-follow-up">
      <p>
        <Link to={`/gatherings/${gathering.id}/meetings/${meeting.id}/brief`}>{t('gatherings.brief.open')}</Link>
        {held && <span className="muted"> · {t(meeting.met ? 'gatherings.outcome.met' : 'gatherings.outcome.notMet')}</span>}
      </p>
      {held && <OutcomeForm gathering={gathering} meeting={meeting} side={side} siteId={siteId} onSaved={onMeeting} />}
    </div>
  );
}
