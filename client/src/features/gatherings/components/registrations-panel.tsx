import { useId, useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '@/components/async-state';
import { WriteAlert } from '@/components/write-alert';
import { formatDateTime, joinList, useI18n } from '@/lib/i18n';
import { useTaxonomyLabels } from '@/lib/taxonomy';
import { participantStep, refuseParticipant } from '../api/participant-actions';
import type { Gathering, Participant, ParticipantStatus } from '../api/types';
import { useWrite } from '../hooks/use-write';
import { ParticipantStatusBadge } from './badges';
import { ReasonForm } from '@/components/reason-form';

const order: Record<ParticipantStatus, number> = { pending: 0, approved: 1, refused: 2, withdrawn: 3 };

/** Every registration, waiting ones first: who, as what, with what, which sessions; approve, or refuse with a reason. */
export function RegistrationsPanel({
  gathering,
  participants,
  onChanged,
}: {
  gathering: Gathering;
  participants: readonly Participant[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const sorted = [...participants].sort((a, b) => order[a.status] - order[b.status] || a.createdAt.localeCompare(b.createdAt));
  const pending = participants.filter((p) => p.status === 'pending').length;
  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="registrations-panel">
      <h2 id={`${id}-heading`}>{t('gatherings.board.registrations', { count: participants.length })}</h2>
      <p className="muted">{t('gatherings.board.registrationsLead', { pending, capacity: gathering.capacity, approved: gathering.participants })}</p>
      {sorted.length === 0 ? (
        <EmptyState>{t('gatherings.board.noRegistrations')}</EmptyState>
      ) : (
        <ul className="board-list">
          {sorted.map((participant) => (
            <RegistrationRow key={participant.id} gathering={gathering} participant={participant} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </section>
  );
}

function RegistrationRow({ gathering, participant, onChanged }: { gathering: Gathering; participant: Participant; onChanged: () => void }) {
  const { t, language } = useI18n();
  const labelOf = useTaxonomyLabels(['processes']);
  const [refusing, setRefusing] = useState(false);
  const { busy, failure, run, clear } = useWrite<Participant>(() => {
    setRefusing(false);
    onChanged();
  });
  const processes = participant.role === 'buyer' ? participant.needProcesses : participant.showProcesses;
  const sessions = participant.sessions.map((i) => gathering.sessions[i]?.label || t('gatherings.form.sessionN', { n: i + 1 }));
  const over = ['held', 'closed', 'cancelled'].includes(gathering.status);
  return (
    <li className="board-row" data-testid="registration-row" data-status={participant.status} data-name={participant.name}>
      <div className="board-row__main">
        <p>
          <span className="tag">{t(`gatherings.role.${participant.role}`)}</span>{' '}
          <strong>{participant.supplierId ? <Link to={`/suppliers/${participant.supplierId}`}>{participant.name}</Link> : participant.name}</strong>{' '}
          <ParticipantStatusBadge status={participant.status} />
        </p>
        <p className="muted">
          {t('gatherings.board.sessionsOf', { list: joinList(sessions, language) })}
          {processes.length > 0 && (
            <>
              {' · '}
              {t(participant.role === 'buyer' ? 'gatherings.needs' : 'gatherings.shows', {
                list: joinList(processes.map((code) => labelOf('processes', code)), language),
              })}
            </>
          )}
          {participant.role === 'buyer' && participant.requestIds.length > 0 && (
            <> · {t('gatherings.board.requestCount', { count: participant.requestIds.length })}</>
          )}
          {' · '}
          {formatDateTime(participant.createdAt, language)}
        </p>
        {participant.shows && <p className="meeting-item__note">{participant.shows}</p>}
        {participant.note && <p className="meeting-item__note">{t('gatherings.board.noteFrom', { note: participant.note })}</p>}
        {participant.reason && participant.status === 'refused' && (
          <p className="meeting-item__note">{t('gatherings.board.refusedBecause', { reason: participant.reason })}</p>
        )}
        {participant.status === 'approved' && ['scheduled', 'held', 'closed'].includes(gathering.status) && (
          <p>
            <Link to={`/gatherings/${gathering.id}/agenda?participantId=${encodeURIComponent(participant.id)}`}>
              {t('gatherings.board.agendaOf', { name: participant.name })}
            </Link>
          </p>
        )}
      </div>
      {!over && !refusing && (participant.status === 'pending' || participant.status === 'refused' || participant.status === 'approved') && (
        <div className="board-row__actions" role="group" aria-label={t('gatherings.board.actionsFor', { name: participant.name })}>
          {(participant.status === 'pending' || participant.status === 'refused') && (
            <button type="button" className="button button--small" disabled={busy} onClick={() => void run(() => participantStep(gathering.id, participant, 'approve'))}>
              {t('gatherings.board.approve')}
            </button>
          )}
          {(participant.status === 'pending' || participant.status === 'approved') && (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={busy}
              onClick={() => {
                clear();
                setRefusing(true);
              }}
            >
              {t('gatherings.board.refuse')}
            </button>
          )}
        </div>
      )}
      {!refusing && failure && <WriteAlert failure={failure} />}
      {refusing && (
        <ReasonForm
          testId="refuse-form"
          label={t('gatherings.board.refuseReason')}
          submitLabel={t('gatherings.board.refuse')}
          busy={busy}
          failure={failure}
          onSubmit={(reason) => void run(() => refuseParticipant(gathering.id, participant, reason))}
          onCancel={() => setRefusing(false)}
        />
      )}
    </li>
  );
}
