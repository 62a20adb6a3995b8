import { useId, useState, type FormEvent } from 'react';
import { FieldErrorList } from '@/components/field-error-list';
import { FormAlert } from '@/components/form-alert';
import { errorsFor, unclaimedErrors } from '@/lib/field-errors';
import { formatDateTime, formatIsoDate, useI18n } from '@/lib/i18n';
import { useLoaded } from '@/lib/use-loaded';
import { listMyRequests } from '../api/my-requests';
import { listOrdersWith } from '../api/my-orders';
import { outcomeKinds, recordOutcome, type MeetingOutcomeKind } from '../api/record-outcome';
import type { Gathering, Meeting, ParticipantRole } from '../api/types';
import { useWrite } from '../hooks/use-write';

const formFields = ['outcome', 'requestId', 'orderId', 'note'] as const;

/**
 * After the gathering is held, each side records what came of a meeting (DESIGN §12 follow-up): nothing, talks go on,
 * a quote was asked for, a trial order — linked, when there is one, to a matching request of the buyer's (the buyer
 * picks from its own) or an order between the two. Shown as recorded, with a way to change it.
 */
export function OutcomeForm({
  gathering,
  meeting,
  side,
  siteId,
  onSaved,
}: {
  gathering: Gathering;
  meeting: Meeting;
  side: ParticipantRole;
  /** The supplier's site of the meeting: the orders between the two are the caller's orders with it. */
  siteId: string | null;
  onSaved: (meeting: Meeting) => void;
}) {
  const { t, language } = useI18n();
  const id = useId();
  const recorded = side === 'buyer' ? meeting.buyerOutcome : meeting.supplierOutcome;
  const [editing, setEditing] = useState(false);
  const [outcome, setOutcome] = useState<MeetingOutcomeKind | ''>(recorded?.outcome ?? '');
  const [requestId, setRequestId] = useState(recorded?.requestId ?? '');
  const [orderId, setOrderId] = useState(recorded?.orderId ?? '');
  const [note, setNote] = useState(recorded?.note ?? '');
  const requests = useLoaded(`outcome-requests-${meeting.id}-${editing}`, (signal) =>
    editing && side === 'buyer' ? listMyRequests(signal) : Promise.resolve([]),
  );
  const orders = useLoaded(`outcome-orders-${meeting.id}-${editing}`, (signal) =>
    editing && siteId ? listOrdersWith(siteId, signal) : Promise.resolve([]),
  );
  const { busy, failure, run } = useWrite<Meeting>((saved) => {
    setEditing(false);
    onSaved(saved);
  });
  const errors = failure?.kind === 'invalid' ? failure.errors : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!outcome) {
      return;
    }
    void run(() => recordOutcome(gathering.id, meeting, { outcome, requestId: requestId || null, orderId: orderId || null, note: note.trim() || null }));
  }

  if (!editing && !recorded) {
    return (
      <button type="button" className="button button--small" onClick={() => setEditing(true)} data-testid="outcome-open">
        {t('gatherings.outcome.open')}
      </button>
    );
  }

  if (!editing && recorded) {
    return (
      <div className="meeting-outcome" data-testid="outcome-recorded" data-outcome={recorded.outcome}>
        <p>
          {t('gatherings.outcome.recorded', { outcome: t(`gatherings.outcome.kind.${recorded.outcome}`), at: formatDateTime(recorded.recordedAt, language) })}
        </p>
        {recorded.note && <p className="meeting-item__note">{recorded.note}</p>}
        <button type="button" className="button button--secondary button--small" onClick={() => setEditing(true)}>
          {t('gatherings.outcome.change')}
        </button>
      </div>
    );
  }

  const requestChoices = requests.state.kind === 'ready' ? requests.state.data : [];
  const orderChoices = orders.state.kind === 'ready' ? orders.state.data : [];
  return (
    <form className="form gathering-inline-form" onSubmit={submit} noValidate data-testid="outcome-form">
      <fieldset className="form__group">
        <legend>{t('gatherings.outcome.heading')}</legend>
        <div className="form__checks">
          {outcomeKinds.map((kind) => (
            <label key={kind} className="form__check">
              <input type="radio" name={`${id}-outcome`} value={kind} checked={outcome === kind} onChange={() => setOutcome(kind)} />
              {t(`gatherings.outcome.kind.${kind}`)}
            </label>
          ))}
        </div>
        <FieldErrorList id={`${id}-outcome-errors`} messages={errorsFor(errors, 'outcome')} />
      </fieldset>
      {side === 'buyer' && requestChoices.length > 0 && (
        <div className="form__field">
          <label htmlFor={`${id}-request`}>{t('gatherings.outcome.request')}</label>
          <select id={`${id}-request`} value={requestId} onChange={(event) => setRequestId(event.target.value)} aria-describedby={errorsFor(errors, 'requestId').length ? `${id}-request-errors` : undefined}>
            <option value="">{t('gatherings.outcome.noLink')}</option>
            {requestChoices.map((request) => (
              <option key={request.id} value={request.id}>
                {request.request.title}
              </option>
            ))}
          </select>
          <FieldErrorList id={`${id}-request-errors`} messages={errorsFor(errors, 'requestId')} />
        </div>
      )}
      {orderChoices.length > 0 && (
        <div className="form__field">
          <label htmlFor={`${id}-order`}>{t('gatherings.outcome.order')}</label>
          <select id={`${id}-order`} value={orderId} onChange={(event) => setOrderId(event.target.value)} aria-describedby={errorsFor(errors, 'orderId').length ? `${id}-order-errors` : undefined}>
            <option value="">{t('gatherings.outcome.noLink')}</option>
            {orderChoices.map((order) => (
              <option key={order.id} value={order.id}>
                {order.orderNumber}（{formatIsoDate(order.orderedOn)}）
              </option>
            ))}
          </select>
          <FieldErrorList id={`${id}-order-errors`} messages={errorsFor(errors, 'orderId')} />
        </div>
      )}
      <div className="form__field">
        <label htmlFor={`${id}-note`}>{t('gatherings.outcome.note')}</label>
        <textarea id={`${id}-note`} rows={2} maxLength={1000} value={note} onChange={(event) => setNote(event.target.value)} />
        <FieldErrorList id={`${id}-note-errors`} messages={errorsFor(errors, 'note')} />
      </div>
      {failure && <FormAlert failure={failure} unclaimed={unclaimedErrors(errors, formFields)} />}
      <div className="form__actions">
        <button type="submit" className="button" disabled={busy || !outcome}>
          {t('gatherings.outcome.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setEditing(false)}>
          {t('gatherings.back')}
        </button>
      </div>
    </form>
  );
}
