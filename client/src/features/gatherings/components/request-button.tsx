import { WriteAlert } from '@/components/write-alert';
import { useI18n } from '@/lib/i18n';
import { requestMeeting } from '../api/request-meeting';
import type { Meeting } from '../api/types';
import { useWrite } from '../hooks/use-write';

/** 「商談を申し込む」 to one participant of the other side; the meeting the API answers with is handed on. */
export function RequestButton({
  gatheringId,
  withParticipantId,
  name,
  onRequested,
}: {
  gatheringId: string;
  withParticipantId: string;
  name: string;
  onRequested: (meeting: Meeting) => void;
}) {
  const { t } = useI18n();
  const { busy, failure, run } = useWrite<Meeting>(onRequested);
  return (
    <>
      <button
        type="button"
        className="button button--small"
        disabled={busy}
        aria-label={t('gatherings.request.to', { name })}
        onClick={() => void run(() => requestMeeting(gatheringId, { withParticipantId }))}
        data-testid="request-meeting"
      >
        {t('gatherings.request.button')}
      </button>
      {failure && <WriteAlert failure={failure} />}
    </>
  );
}
