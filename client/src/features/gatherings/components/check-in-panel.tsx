import { useId } from 'react';
import { EmptyState } from '@/components/async-state';
import { useConfirm } from '@/components/confirm-dialog';
import { WriteAlert } from '@/components/write-alert';
import { formatJapanTime, useI18n } from '@/lib/i18n';
import { participantStep } from '../api/participant-actions';
import type { Gathering, Participant } from '../api/types';
import { useWrite } from '../hooks/use-write';

/**
 * On the day: the approved participants, who has arrived (and when), and for the others check-in or 欠席 (a no-show:
 * its meetings are cancelled and their tables freed for walk-ins).
 */
export function CheckInPanel({ gathering, participants, onChanged }: { gathering: Gathering; participants: readonly Participant[]; onChanged: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const approved = participants.filter((p) => p.status === 'approved').sort((a, b) => a.name.localeCompare(b.name, 'ja'));
  const arrived = approved.filter((p) => p.checkedInAt).length;
  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="check-in-panel">
      <h2 id={`${id}-heading`}>{t('gatherings.checkIn.heading')}</h2>
      <p className="muted">{t('gatherings.checkIn.lead', { arrived, total: approved.length })}</p>
      {approved.length === 0 ? (
        <EmptyState>{t('gatherings.checkIn.none')}</EmptyState>
      ) : (
        <ul className="board-list">
          {approved.map((participant) => (
            <CheckInRow key={participant.id} gathering={gathering} participant={participant} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </section>
  );
}

function CheckInRow({ gathering, participant, onChanged }: { gathering: Gathering; participant: Participant; onChanged: () => void }) {
  const { t } = useI18n();
  const { confirm, dialog } = useConfirm();
  const { busy, failure, run } = useWrite<Participant>(() => onChanged());

  async function noShow() {
    const ok = await confirm({
      title: t('gatherings.checkIn.confirmNoShow', { name: participant.name }),
      body: <p>{t('gatherings.checkIn.confirmNoShowBody')}</p>,
      confirmLabel: t('gatherings.checkIn.noShow'),
      danger: true,
    });
    if (ok) {
      await run(() => participantStep(gathering.id, participant, 'no-show'));
    }
  }

  return (
    <li className="board-row" data-testid="check-in-row" data-name={participant.name}>
      <div className="board-row__main">
        <p>
          <span className="tag">{t(`gatherings.role.${participant.role}`)}</span> <strong>{participant.name}</strong>
        </p>
      </div>
      <div className="board-row__actions">
        {participant.checkedInAt ? (
          <span className="badge badge--on" data-testid="checked-in">
            {t('gatherings.checkIn.arrivedAt', { time: formatJapanTime(participant.checkedInAt) })}
          </span>
        ) : participant.noShowAt ? (
          <span className="badge badge--off" data-testid="no-show">
            {t('gatherings.checkIn.noShowAt', { time: formatJapanTime(participant.noShowAt) })}
          </span>
        ) : (
          <>
            <button type="button" className="button button--small" disabled={busy} onClick={() => void run(() => participantStep(gathering.id, participant, 'check-in'))}>
              {t('gatherings.checkIn.button')}
            </button>
            <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => void noShow()}>
              {t('gatherings.checkIn.noShow')}
            </button>
          </>
        )}
      </div>
      {failure && <WriteAlert failure={failure} />}
      {dialog}
    </li>
  );
}
