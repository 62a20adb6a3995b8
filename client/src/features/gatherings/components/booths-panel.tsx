import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '@/components/async-state';
import { FieldErrorList } from '@/components/field-error-list';
import { WriteAlert } from '@/components/write-alert';
import { errorsFor } from '@/lib/field-errors';
import { useI18n } from '@/lib/i18n';
import { setBooth } from '../api/booths';
import type { Gathering, Participant } from '../api/types';
import { useWrite } from '../hooks/use-write';

/** The organisers give each approved exhibitor of a showcase its booth (a short label such as "A-12"). */
export function BoothsPanel({
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
  const exhibitors = participants
    .filter((p) => p.role === 'supplier' && p.status === 'approved')
    .sort((a, b) => (a.booth ?? '\uffff').localeCompare(b.booth ?? '\uffff', 'ja', { numeric: true }) || a.name.localeCompare(b.name, 'ja'));
  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="booths-panel">
      <h2 id={`${id}-heading`}>{t('gatherings.booths.boardHeading')}</h2>
      <p className="muted">{t('gatherings.booths.boardLead')}</p>
      {exhibitors.length === 0 ? (
        <EmptyState>{t('gatherings.booths.noExhibitors')}</EmptyState>
      ) : (
        <>
          <ul className="board-list">
            {exhibitors.map((participant) => (
              <BoothRow key={`${participant.id}-${participant.version}`} gathering={gathering} participant={participant} onChanged={onChanged} />
            ))}
          </ul>
          <p>
            <Link to={`/gatherings/${gathering.id}/booths`}>{t('gatherings.booths.printable')}</Link>
          </p>
        </>
      )}
    </section>
  );
}

function BoothRow({ gathering, participant, onChanged }: { gathering: Gathering; participant: Participant; onChanged: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [value, setValue] = useState(participant.booth ?? '');
  const { busy, failure, run } = useWrite<Participant>(() => onChanged());
  // The booth taken by another exhibitor (409) and the API's field messages (400) stand beside the field.
  const messages =
    failure?.kind === 'conflict'
      ? [failure.problem?.detail ?? t('write.conflict')]
      : failure?.kind === 'invalid'
        ? errorsFor(failure.errors, 'booth')
        : [];
  const changed = value.trim() !== (participant.booth ?? '');

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(() => setBooth(gathering.id, participant, value.trim() || null));
  }

  return (
    <li className="board-row" data-testid="booth-row" data-name={participant.name}>
      <form className="booth-form" onSubmit={submit} noValidate>
        <div className="form__field">
          <label htmlFor={`${id}-booth`}>{t('gatherings.booths.numberOf', { name: participant.name })}</label>
          <div className="booth-form__line">
            <input
              id={`${id}-booth`}
              type="text"
              maxLength={20}
              value={value}
              aria-invalid={messages.length > 0 || undefined}
              aria-describedby={messages.length > 0 ? `${id}-booth-errors` : undefined}
              onChange={(event) => setValue(event.target.value)}
            />
            <button type="submit" className="button button--small" disabled={busy || !changed}>
              {t('gatherings.booths.save')}
            </button>
          </div>
          <FieldErrorList id={`${id}-booth-errors`} messages={messages} />
        </div>
        {failure && failure.kind !== 'conflict' && messages.length === 0 && <WriteAlert failure={failure} onReload={onChanged} />}
      </form>
    </li>
  );
}
