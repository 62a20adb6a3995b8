import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '@/components/async-state';
import { FieldErrorList } from '@/components/field-error-list';
import { FormAlert } from '@/components/form-alert';
import { TaxonomyPicker } from '@/components/taxonomy-picker';
import { useUnsavedChanges } from '@/components/unsaved-changes';
import { errorsFor, unclaimedErrors, type FieldErrors } from '@/lib/field-errors';
import { useI18n } from '@/lib/i18n';
import { useTaxonomyLabels } from '@/lib/taxonomy';
import { useLoaded } from '@/lib/use-loaded';
import type { WriteFailure } from '@/lib/write-result';
import { listMyRequests } from '../api/my-requests';
import { listMySites } from '../api/my-sites';
import { registerForGathering } from '../api/register';
import type { Gathering, Participant, ParticipantInput, ParticipantRole } from '../api/types';
import { sessionEnd } from '../timetable';

const formFields = ['role', 'supplierId', 'requestIds', 'needs', 'shows', 'showProcesses', 'showEquipmentIds', 'sessions', 'note'] as const;
const maxNeeds = 10;

/**
 * Registering for a gathering: as a buyer with its own matching requests and/or the steps it needs (a process each),
 * or as a supplier with one of its own published sites, what it will show and the processes it demonstrates (from the
 * site's own); and the sessions it attends. The organisers approve afterwards.
 */
export function RegistrationForm({
  gathering,
  roles,
  onRegistered,
}: {
  gathering: Gathering;
  /** The roles the reader may still register in (a supplier's account may also come as a buyer). */
  roles: readonly ParticipantRole[];
  onRegistered: (participant: Participant) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [role, setRole] = useState<ParticipantRole>(roles[0] ?? 'buyer');
  const [requestIds, setRequestIds] = useState<string[]>([]);
  const [needs, setNeeds] = useState<string[]>([]);
  const [supplierId, setSupplierId] = useState('');
  const [shows, setShows] = useState('');
  const [showProcesses, setShowProcesses] = useState<string[]>([]);
  const [showEquipmentIds, setShowEquipmentIds] = useState<string[]>([]);
  const [sessions, setSessions] = useState<number[]>(() => gathering.sessions.map((_, i) => i));
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<WriteFailure | null>(null);
  const errors: FieldErrors = failure?.kind === 'invalid' ? failure.errors : {};
  const dirty = requestIds.length > 0 || needs.length > 0 || supplierId !== '' || shows !== '' || note !== '';
  const unsaved = useUnsavedChanges(dirty);
  const labelOf = useTaxonomyLabels(['processes', 'equipment_types']);
  // At a showcase an exhibitor also names the machines it demonstrates, from its site's equipment.
  const showcase = gathering.kind === 'showcase';
  const requests = useLoaded(`my-requests-${role}`, (signal) => (role === 'buyer' ? listMyRequests(signal) : Promise.resolve([])));
  const sites = useLoaded(`my-sites-${role}`, (signal) => (role === 'supplier' ? listMySites(signal) : Promise.resolve([])));
  const site = sites.state.kind === 'ready' ? sites.state.data.find((s) => s.id === supplierId) : undefined;

  const toggle = <T,>(list: readonly T[], value: T, on: boolean): T[] => (on ? [...list, value] : list.filter((v) => v !== value));

  function body(): ParticipantInput {
    const common = { role, sessions: [...sessions].sort((a, b) => a - b), note: note.trim() || null };
    return role === 'buyer'
      ? { ...common, requestIds, needs: needs.filter(Boolean).length > 0 ? needs.filter(Boolean).map((processCode) => ({ processCode })) : null }
      : {
          ...common,
          supplierId: supplierId || null,
          shows: shows.trim() || null,
          showProcesses,
          ...(showcase ? { showEquipmentIds } : {}),
        };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    const result = await registerForGathering(gathering.id, body());
    setBusy(false);
    if (result.kind === 'ok') {
      unsaved.allowLeave();
      onRegistered(result.data);
    } else {
      setFailure(result);
    }
  }

  const messages = (field: string) => errorsFor(errors, field);
  const describedBy = (field: string) => (messages(field).length > 0 ? `${id}-${field}-errors` : undefined);

  return (
    <form className="form registration-form" aria-labelledby={`${id}-heading`} onSubmit={(event) => void submit(event)} noValidate data-testid="registration-form">
      <h3 id={`${id}-heading`}>{t('gatherings.register.heading')}</h3>
      <p className="muted">{t('gatherings.register.lead')}</p>
      {roles.length > 1 && (
        <fieldset className="form__group">
          <legend>{t('gatherings.register.role')}</legend>
          {roles.map((value) => (
            <label key={value} className="form__check">
              <input type="radio" name={`${id}-role`} value={value} checked={role === value} onChange={() => setRole(value)} />
              {t(`gatherings.register.as.${value}`)}
            </label>
          ))}
        </fieldset>
      )}

      {role === 'buyer' && (
        <>
          <fieldset className="form__group" aria-describedby={describedBy('requestIds')}>
            <legend>{t('gatherings.register.requests')}</legend>
            <p className="form__hint">{t('gatherings.register.requestsHint')}</p>
            {requests.state.kind === 'loading' && <LoadingState />}
            {requests.state.kind === 'error' && <ErrorState error={requests.state.error} onRetry={requests.reload} />}
            {requests.state.kind === 'ready' && requests.state.data.length === 0 && (
              <p className="muted">
                {t('gatherings.register.noRequests')} <Link to="/matching/new">{t('gatherings.register.newRequest')}</Link>
              </p>
            )}
            {requests.state.kind === 'ready' &&
              requests.state.data
                .filter((request) => request.status !== 'cancelled')
                .map((request) => (
                  <label key={request.id} className="form__check" data-testid="request-choice">
                    <input
                      type="checkbox"
                      name="requestIds"
                      value={request.id}
                      checked={requestIds.includes(request.id)}
                      onChange={(event) => setRequestIds(toggle(requestIds, request.id, event.target.checked))}
                    />
                    <span>
                      {request.request.title}
                      <span className="table__sub">
                        {t(`matching.status.${request.status}`)} ·{' '}
                        {request.request.steps.map((step) => labelOf('processes', step.processCode)).join(' → ')}
                      </span>
                    </span>
                  </label>
                ))}
            <FieldErrorList id={`${id}-requestIds-errors`} messages={messages('requestIds')} />
          </fieldset>
          <fieldset className="form__group" aria-describedby={describedBy('needs')}>
            <legend>{t('gatherings.register.needs')}</legend>
            <p className="form__hint">{t('gatherings.register.needsHint')}</p>
            <ol className="registration-form__needs">
              {needs.map((code, index) => (
                <li key={index} data-testid="need-row">
                  <TaxonomyPicker
                    kind="processes"
                    name={`needs-${index}`}
                    label={t('gatherings.register.needN', { n: index + 1 })}
                    value={code ? [code] : []}
                    onChange={(codes) => setNeeds(needs.map((c, i) => (i === index ? (codes[0] ?? '') : c)))}
                    invalid={messages(`needs[${index}]`).length > 0}
                  />
                  <FieldErrorList id={`${id}-needs-${index}-errors`} messages={messages(`needs[${index}]`)} />
                  <button type="button" className="button button--secondary button--small" onClick={() => setNeeds(needs.filter((_, i) => i !== index))}>
                    {t('gatherings.register.removeNeed', { n: index + 1 })}
                  </button>
                </li>
              ))}
            </ol>
            {needs.length < maxNeeds && (
              <button type="button" className="button button--secondary" onClick={() => setNeeds([...needs, ''])}>
                {t('gatherings.register.addNeed')}
              </button>
            )}
            <FieldErrorList
              id={`${id}-needs-errors`}
              messages={messages('needs').filter((m) => !needs.some((_, i) => messages(`needs[${i}]`).includes(m)))}
            />
          </fieldset>
        </>
      )}

      {role === 'supplier' && (
        <>
          <div className="form__field">
            <label htmlFor={`${id}-site`}>
              {t('gatherings.register.site')}
              <span className="form__required">{t('form.required')}</span>
            </label>
            {sites.state.kind === 'loading' && <LoadingState />}
            {sites.state.kind === 'error' && <ErrorState error={sites.state.error} onRetry={sites.reload} />}
            {sites.state.kind === 'ready' && (
              <select
                id={`${id}-site`}
                name="supplierId"
                value={supplierId}
                aria-invalid={messages('supplierId').length > 0 || undefined}
                aria-describedby={describedBy('supplierId')}
                onChange={(event) => {
                  setSupplierId(event.target.value);
                  setShowProcesses([]);
                  setShowEquipmentIds([]);
                }}
              >
                <option value="">{t('form.choose')}</option>
                {sites.state.data.map((s) => (
                  <option key={s.id} value={s.id} disabled={s.status !== 'published'}>
                    {s.status === 'published' ? s.nameJa : t('gatherings.register.unpublishedSite', { name: s.nameJa })}
                  </option>
                ))}
              </select>
            )}
            <FieldErrorList id={`${id}-supplierId-errors`} messages={messages('supplierId')} />
          </div>
          <div className="form__field">
            <label htmlFor={`${id}-shows`}>{t('gatherings.register.shows')}</label>
            <textarea
              id={`${id}-shows`}
              name="shows"
              rows={3}
              maxLength={1000}
              value={shows}
              aria-invalid={messages('shows').length > 0 || undefined}
              aria-describedby={[`${id}-shows-hint`, describedBy('shows')].filter(Boolean).join(' ')}
              onChange={(event) => setShows(event.target.value)}
            />
            <p className="form__hint" id={`${id}-shows-hint`}>
              {t('gatherings.register.showsHint')}
            </p>
            <FieldErrorList id={`${id}-shows-errors`} messages={messages('shows')} />
          </div>
          {site && (
            <fieldset className="form__group" aria-describedby={describedBy('showProcesses')} data-testid="show-processes">
              <legend>{t('gatherings.register.showProcesses')}</legend>
              <p className="form__hint">{t('gatherings.register.showProcessesHint')}</p>
              {site.processes.map((code) => (
                <label key={code} className="form__check">
                  <input
                    type="checkbox"
                    name="showProcesses"
                    value={code}
                    checked={showProcesses.includes(code)}
                    onChange={(event) => setShowProcesses(toggle(showProcesses, code, event.target.checked))}
                  />
                  {labelOf('processes', code)}
                </label>
              ))}
              <FieldErrorList id={`${id}-showProcesses-errors`} messages={messages('showProcesses')} />
            </fieldset>
          )}
          {site && showcase && (
            <fieldset className="form__group" aria-describedby={describedBy('showEquipmentIds')} data-testid="show-equipment">
              <legend>{t('gatherings.register.showEquipment')}</legend>
              <p className="form__hint">{t('gatherings.register.showEquipmentHint')}</p>
              {(site.equipment.items ?? []).length === 0 && (
                <p className="muted">
                  {t('gatherings.register.noEquipment')} <Link to={`/suppliers/${site.id}/edit`}>{t('gatherings.register.editSite')}</Link>
                </p>
              )}
              {(site.equipment.items ?? []).map((item) => (
                <label key={item.id} className="form__check">
                  <input
                    type="checkbox"
                    name="showEquipmentIds"
                    value={item.id}
                    checked={showEquipmentIds.includes(item.id)}
                    onChange={(event) => setShowEquipmentIds(toggle(showEquipmentIds, item.id, event.target.checked))}
                  />
                  {[labelOf('equipment_types', item.typeCode), item.maker, item.model].filter(Boolean).join(' · ')}
                </label>
              ))}
              <FieldErrorList id={`${id}-showEquipmentIds-errors`} messages={messages('showEquipmentIds')} />
            </fieldset>
          )}
        </>
      )}

      <fieldset className="form__group" aria-describedby={describedBy('sessions')}>
        <legend>{t('gatherings.register.sessions')}</legend>
        {gathering.sessions.map((session, index) => (
          <label key={index} className="form__check">
            <input
              type="checkbox"
              name="sessions"
              value={index}
              checked={sessions.includes(index)}
              onChange={(event) => setSessions(toggle(sessions, index, event.target.checked))}
            />
            {t('gatherings.sessionShort', {
              name: session.label || t('gatherings.form.sessionN', { n: index + 1 }),
              start: session.startsAt,
              end: sessionEnd(session),
            })}
          </label>
        ))}
        <FieldErrorList id={`${id}-sessions-errors`} messages={messages('sessions')} />
      </fieldset>
      <div className="form__field">
        <label htmlFor={`${id}-note`}>{t('gatherings.register.note')}</label>
        <textarea
          id={`${id}-note`}
          name="note"
          rows={2}
          maxLength={1000}
          value={note}
          aria-invalid={messages('note').length > 0 || undefined}
          aria-describedby={describedBy('note')}
          onChange={(event) => setNote(event.target.value)}
        />
        <FieldErrorList id={`${id}-note-errors`} messages={messages('note')} />
      </div>
      {failure && <FormAlert failure={failure} unclaimed={unclaimedErrors(errors, formFields)} />}
      <div className="form__actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('gatherings.register.sending') : t('gatherings.register.submit')}
        </button>
      </div>
    </form>
  );
}
