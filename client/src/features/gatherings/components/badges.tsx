import { useI18n } from '@/lib/i18n';
import type { GatheringStatus, MeetingStatus, ParticipantStatus } from '../api/types';

/** A gathering's state in words (下書き, 参加受付中 …); data-status carries the wire name for tests and styles. */
export function GatheringStatusBadge({ status }: { status: GatheringStatus }) {
  const { t } = useI18n();
  return (
    <span className={`gathering-badge gathering-badge--${status}`} data-testid="gathering-status" data-status={status}>
      {t(`gatherings.status.${status}`)}
    </span>
  );
}

export function ParticipantStatusBadge({ status }: { status: ParticipantStatus }) {
  const { t } = useI18n();
  return (
    <span className={`gathering-badge gathering-badge--p-${status}`} data-testid="participant-status" data-status={status}>
      {t(`gatherings.participantStatus.${status}`)}
    </span>
  );
}

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useI18n();
  return (
    <span className={`gathering-badge gathering-badge--m-${status}`} data-testid="meeting-status" data-status={status}>
      {t(`gatherings.meetingStatus.${status}`)}
    </span>
  );
}
