import { useConfirm } from '@/components/confirm-dialog';
import { WriteAlert } from '@/components/write-alert';
import { formatDateTime, joinList, useI18n } from '@/lib/i18n';
import { useTaxonomyLabels } from '@/lib/taxonomy';
import { participantStep } from '../api/participant-actions';
import type { Gathering, Participant } from '../api/types';
import { active } from '../gathering-rules';
import { useWrite } from '../hooks/use-write';
import { ParticipantStatusBadge } from './badges';
import { titleOf } from './gathering-title';

/** The reader's own registrations: as what, with what, its state (and why refused), and a way to withdraw. */
export function MyRegistrations({
  gathering,
  registrations,
  onChanged,
}: {
  gathering: Gathering;
  registrations: readonly Participant[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  if (registrations.length === 0) {
    return null;
  }
  return (
    <div className="my-registrations" data-testid="my-registrations">
      <h3>{t('gatherings.mine.heading')}</h3>
      <ul className="plain-list">
        {registrations.map((registration) => (
          <MyRegistration key={registration.id} gathering={gathering} registration={registration} onChanged={onChanged} />
        ))}
      </ul>
    </div>
  );
}

function MyRegistration({ gathering, registration, onChanged }: { gathering: Gathering; registration: Participant; onChanged: () => void }) {
  const { t, language } = useI18n();
  const labelOf = useTaxonomyLabels(['processes']);
  const { confirm, dialog } = useConfirm();
  const { busy, failure, run } = useWrite<Participant>(() => onChanged());
  const over = ['held', 'closed', 'cancelled'].includes(gathering.status);
  const processes = registration.role === 'buyer' ? registration.needProcesses : registration.showProcesses;

  async function withdraw() {
    const ok = await confirm({
      title: t('gatherings.mine.confirmWithdraw', { title: titleOf(gathering, language) }),
      body: <p>{t('gatherings.mine.confirmWithdrawBody')}</p>,
      confirmLabel: t('gatherings.mine.withdraw'),
      danger: true,
    });
    if (ok) {
      await run(() => participantStep(gathering.id, registration, 'withdraw'));
    }
  }

  return (
    <li className="my-registration" data-testid="my-registration" data-role={registration.role} data-status={registration.status}>
      <p>
        <strong>{t(`gatherings.role.${registration.role}`)}</strong> {registration.name} <ParticipantStatusBadge status={registration.status} />
      </p>
      <p className="muted">
        {t('gatherings.mine.registeredAt', { at: formatDateTime(registration.createdAt, language) })}
        {processes.length > 0 && (
          <>
            {' · '}
            {t(registration.role === 'buyer' ? 'gatherings.needs' : 'gatherings.shows', {
              list: joinList(processes.map((code) => labelOf('processes', code)), language),
            })}
          </>
        )}
      </p>
      {registration.status === 'pending' && <p>{t('gatherings.mine.pending')}</p>}
      {registration.status === 'refused' && registration.reason && (
        <p data-testid="refusal-reason">{t('gatherings.mine.refusedBecause', { reason: registration.reason })}</p>
      )}
      {registration.checkedInAt && <p>{t('gatherings.mine.checkedIn', { at: formatDateTime(registration.checkedInAt, language) })}</p>}
      {active(registration) && !over && (
        <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => void withdraw()}>
          {t('gatherings.mine.withdraw')}
        </button>
      )}
      {failure && <WriteAlert failure={failure} />}
      {dialog}
    </li>
  );
}
