import { useId, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form-alert';
import { FieldErrorList } from '@/components/field-error-list';
import { errorsFor, unclaimedErrors } from '@/lib/field-errors';
import { useI18n } from '@/lib/i18n';
import { requestMeeting } from '../api/request-meeting';
import type { Gathering, Meeting, Participant } from '../api/types';
import { useWrite } from '../hooks/use-write';

/**
 * An organiser proposes a meeting between an approved buyer and an approved supplier (each side then accepts); pairs
 * that already have a meeting are left out of the choice of suppliers.
 */
export function ProposeForm({
  gathering,
  participants,
  meetings,
  onProposed,
}: {
  gathering: Gathering;
  participants: readonly Participant[];
  meetings: readonly Meeting[];
  onProposed: (meeting: Meeting) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [buyer, setBuyer] = useState('');
  const [supplier, setSupplier] = useState('');
  const [note, setNote] = useState('');
  const { busy, failure, run } = useWrite<Meeting>((meeting) => {
    setSupplier('');
    setNote('');
    onProposed(meeting);
  });
  const approved = participants.filter((p) => p.status === 'approved');
  const buyers = approved.filter((p) => p.role === 'buyer');
  const paired = new Set(meetings.filter((m) => m.buyerId === buyer).map((m) => m.supplierId));
  const suppliers = approved.filter((p) => p.role === 'supplier' && !paired.has(p.id));
  const errors = failure?.kind === 'invalid' ? failure.errors : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(() => requestMeeting(gathering.id, { withParticipantId: buyer, andParticipantId: supplier, note: note.trim() || null }));
  }

  return (
    <details className="propose">
      <summary>{t('gatherings.propose.heading')}</summary>
      <form className="form gathering-inline-form" onSubmit={submit} noValidate data-testid="propose-form">
        <p className="muted">{t('gatherings.propose.lead')}</p>
        <div className="place-form__fields">
          <div className="form__field">
            <label htmlFor={`${id}-buyer`}>{t('gatherings.propose.buyer')}</label>
            <select id={`${id}-buyer`} value={buyer} onChange={(event) => setBuyer(event.target.value)} aria-describedby={errorsFor(errors, 'withParticipantId').length ? `${id}-buyer-errors` : undefined}>
              <option value="">{t('form.choose')}</option>
              {buyers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            <FieldErrorList id={`${id}-buyer-errors`} messages={errorsFor(errors, 'withParticipantId')} />
          </div>
          <div className="form__field">
            <label htmlFor={`${id}-supplier`}>{t('gatherings.propose.supplier')}</label>
            <select id={`${id}-supplier`} value={supplier} onChange={(event) => setSupplier(event.target.value)} disabled={!buyer}>
              <option value="">{t('form.choose')}</option>
              {suppliers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            <FieldErrorList id={`${id}-supplier-errors`} messages={errorsFor(errors, 'andParticipantId')} />
          </div>
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-note`}>{t('gatherings.propose.note')}</label>
          <textarea id={`${id}-note`} rows={2} maxLength={1000} value={note} onChange={(event) => setNote(event.target.value)} />
        </div>
        {failure && <FormAlert failure={failure} unclaimed={unclaimedErrors(errors, ['withParticipantId', 'andParticipantId'])} />}
        <div className="form__actions">
          <button type="submit" className="button" disabled={busy || !buyer || !supplier}>
            {t('gatherings.propose.submit')}
          </button>
        </div>
      </form>
    </details>
  );
}
