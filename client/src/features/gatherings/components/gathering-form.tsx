import { useId, type FormEvent, type ReactNode } from 'react';
import { FieldErrorList } from '@/components/field-error-list';
import { FormAlert } from '@/components/form-alert';
import { errorsFor, unclaimedErrors, type FieldErrors } from '@/lib/field-errors';
import { useI18n } from '@/lib/i18n';
import type { WriteFailure } from '@/lib/write-result';
import type { ClusterChoice } from '../api/list-clusters';
import { gatheringKinds, type GatheringKind } from '../api/types';
import { emptySession, type GatheringDraft, type SessionDraft } from '../gathering-draft';
import { sessionEnd } from '../timetable';

// The API's field names this form shows messages beside; any other goes to the alert by the buttons.
const formFields = [
  'kind',
  'titleJa',
  'titleEn',
  'description',
  'venue',
  'venueAddress',
  'onlineUrl',
  'heldOn',
  'registrationClosesAt',
  'bookingClosesAt',
  'capacity',
  'clusterId',
  'maxRequests',
  'maxMeetings',
  'maxConsecutive',
  'sessions',
] as const;

const sessionFields = ['label', 'startsAt', 'slotMinutes', 'slots', 'tables'] as const;
const maxSessions = 6;

export interface GatheringFormProps {
  draft: GatheringDraft;
  onChange: (draft: GatheringDraft) => void;
  onSubmit: () => void;
  submitLabel: string;
  busy: boolean;
  errors: FieldErrors;
  failure: WriteFailure | null;
  clusters: readonly ClusterChoice[];
  onReload?: () => void;
}

/**
 * A gathering: kind, titles, description, where (venue, address, or an online link), the day, when registration and
 * booking close, capacity, the cluster it is held for, the limits per participant and its sessions (start, slot
 * length, slots, tables). The API's messages stand beside the fields they name.
 */
export function GatheringForm({ draft, onChange, onSubmit, submitLabel, busy, errors, failure, clusters, onReload }: GatheringFormProps) {
  const { t, language } = useI18n();
  const id = useId();
  const domId = (field: string) => `${id}-${field.replace(/\W/g, '-')}`;

  function control(
    field: string,
    label: string,
    input: (common: Record<string, unknown>) => ReactNode,
    options: { hint?: string; required?: boolean; unit?: string; messages?: readonly string[] } = {},
  ) {
    const messages = options.messages ?? errorsFor(errors, field);
    const describedBy = [options.hint ? `${domId(field)}-hint` : '', messages.length > 0 ? `${domId(field)}-errors` : '']
      .filter(Boolean)
      .join(' ');
    const common = {
      id: domId(field),
      name: field,
      'aria-invalid': messages.length > 0 || undefined,
      'aria-describedby': describedBy || undefined,
      'aria-required': options.required || undefined,
    };
    return (
      <div className="form__field">
        <label htmlFor={domId(field)}>
          {label}
          {options.required && <span className="form__required">{t('form.required')}</span>}
        </label>
        {options.unit ? (
          <div className="input-unit">
            {input(common)}
            <span className="input-unit__unit">{options.unit}</span>
          </div>
        ) : (
          input(common)
        )}
        {options.hint && (
          <p className="form__hint" id={`${domId(field)}-hint`}>
            {options.hint}
          </p>
        )}
        <FieldErrorList id={`${domId(field)}-errors`} messages={messages} />
      </div>
    );
  }

  type TextKey = Exclude<keyof GatheringDraft, 'kind' | 'sessions' | 'organiserAccountIds'>;
  const text = (
    key: TextKey,
    label: string,
    options: { hint?: string; required?: boolean; unit?: string; type?: string; inputMode?: 'numeric'; multiline?: boolean; maxLength?: number } = {},
  ) =>
    control(
      key,
      label,
      (common) =>
        options.multiline ? (
          <textarea {...common} rows={4} maxLength={options.maxLength} value={draft[key]} onChange={(event) => onChange({ ...draft, [key]: event.target.value })} />
        ) : (
          <input
            {...common}
            type={options.type ?? 'text'}
            inputMode={options.inputMode}
            maxLength={options.maxLength}
            value={draft[key]}
            onChange={(event) => onChange({ ...draft, [key]: event.target.value })}
          />
        ),
      options,
    );

  const setSession = (index: number, session: SessionDraft) =>
    onChange({ ...draft, sessions: draft.sessions.map((s, i) => (i === index ? session : s)) });
  const sessionMessages = errorsFor(errors, 'sessions').filter(
    (message) => !draft.sessions.some((_, i) => sessionFields.some((f) => errorsFor(errors, `sessions[${i}].${f}`).includes(message))),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <form className="form gathering-form" aria-label={t('gatherings.form.label')} onSubmit={submit} noValidate>
      <div className="gathering-form__grid">
        {control('kind', t('gatherings.kind'), (common) => (
          <select {...common} value={draft.kind} onChange={(event) => onChange({ ...draft, kind: event.target.value as GatheringKind })}>
            {gatheringKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`gatherings.kind.${kind}`)}
              </option>
            ))}
          </select>
        ))}
        {text('heldOn', t('gatherings.heldOn'), { type: 'date', required: true })}
        {text('titleJa', t('gatherings.form.titleJa'), { required: true, maxLength: 200 })}
        {text('titleEn', t('gatherings.form.titleEn'), { maxLength: 200 })}
      </div>
      {text('description', t('gatherings.description'), { multiline: true, maxLength: 4000 })}

      <fieldset className="gathering-form__group">
        <legend>{t('gatherings.form.where')}</legend>
        <p className="form__hint">{t('gatherings.form.whereHint')}</p>
        <div className="gathering-form__grid">
          {text('venue', t('gatherings.venue'), { maxLength: 200 })}
          {text('venueAddress', t('gatherings.venueAddress'), { maxLength: 200 })}
          {text('onlineUrl', t('gatherings.onlineUrl'), { type: 'url', maxLength: 500, hint: t('gatherings.form.onlineUrlHint') })}
        </div>
      </fieldset>

      <fieldset className="gathering-form__group">
        <legend>{t('gatherings.form.windows')}</legend>
        <div className="gathering-form__grid">
          {text('registrationClosesAt', t('gatherings.registrationClosesAt'), { type: 'datetime-local', hint: t('gatherings.form.registrationHint') })}
          {text('bookingClosesAt', t('gatherings.bookingClosesAt'), { type: 'datetime-local', hint: t('gatherings.form.bookingHint') })}
          {text('capacity', t('gatherings.capacity'), { required: true, inputMode: 'numeric', unit: t('gatherings.unit.participants') })}
          {control('clusterId', t('gatherings.cluster'), (common) => (
            <select {...common} value={draft.clusterId} onChange={(event) => onChange({ ...draft, clusterId: event.target.value })}>
              <option value="">{t('gatherings.form.noCluster')}</option>
              {clusters.map((cluster) => (
                <option key={cluster.id} value={cluster.id}>
                  {language === 'en' && cluster.nameEn ? cluster.nameEn : cluster.nameJa}
                </option>
              ))}
            </select>
          ))}
        </div>
      </fieldset>

      <fieldset className="gathering-form__group">
        <legend>{t('gatherings.form.limits')}</legend>
        <div className="gathering-form__grid">
          {text('maxRequests', t('gatherings.maxRequests'), { inputMode: 'numeric', unit: t('gatherings.unit.meetings'), hint: t('gatherings.form.maxRequestsHint') })}
          {text('maxMeetings', t('gatherings.maxMeetings'), { inputMode: 'numeric', unit: t('gatherings.unit.meetings'), hint: t('gatherings.form.maxMeetingsHint') })}
          {text('maxConsecutive', t('gatherings.maxConsecutive'), { inputMode: 'numeric', unit: t('gatherings.unit.meetings'), hint: t('gatherings.form.maxConsecutiveHint') })}
        </div>
      </fieldset>

      <fieldset className="gathering-form__group" data-testid="sessions-editor">
        <legend>{t('gatherings.sessions')}</legend>
        <p className="form__hint">{t('gatherings.form.sessionsHint')}</p>
        <ol className="gathering-form__sessions">
          {draft.sessions.map((session, index) => {
            const field = (name: (typeof sessionFields)[number]) => `sessions[${index}].${name}`;
            const set = (name: keyof SessionDraft) => (event: { target: { value: string } }) => setSession(index, { ...session, [name]: event.target.value });
            const ends = /^\d{1,2}:\d{2}$/.test(session.startsAt) && /^\d+$/.test(session.slotMinutes) && /^\d+$/.test(session.slots)
              ? sessionEnd({ startsAt: session.startsAt, slotMinutes: Number(session.slotMinutes), slots: Number(session.slots), tables: 1 })
              : null;
            return (
              <li key={index} className="gathering-form__session" data-testid="session-row">
                <div className="gathering-form__session-head">
                  <h2>{t('gatherings.form.sessionN', { n: index + 1 })}</h2>
                  {ends && <span className="muted">{t('gatherings.form.sessionEnds', { start: session.startsAt, end: ends })}</span>}
                  {draft.sessions.length > 1 && (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => onChange({ ...draft, sessions: draft.sessions.filter((_, i) => i !== index) })}
                    >
                      {t('gatherings.form.removeSession', { n: index + 1 })}
                    </button>
                  )}
                </div>
                <div className="gathering-form__session-grid">
                  {control(field('label'), t('gatherings.form.sessionLabel'), (common) => (
                    <input {...common} type="text" maxLength={80} value={session.label} onChange={set('label')} />
                  ))}
                  {control(field('startsAt'), t('gatherings.form.startsAt'), (common) => (
                    <input {...common} type="time" value={session.startsAt} onChange={set('startsAt')} />
                  ), { required: true })}
                  {control(field('slotMinutes'), t('gatherings.form.slotMinutes'), (common) => (
                    <input {...common} type="text" inputMode="numeric" value={session.slotMinutes} onChange={set('slotMinutes')} />
                  ), { required: true, unit: t('gatherings.unit.minutes'), hint: t('gatherings.form.slotMinutesHint') })}
                  {control(field('slots'), t('gatherings.form.slots'), (common) => (
                    <input {...common} type="text" inputMode="numeric" value={session.slots} onChange={set('slots')} />
                  ), { required: true })}
                  {control(field('tables'), t('gatherings.form.tables'), (common) => (
                    <input {...common} type="text" inputMode="numeric" value={session.tables} onChange={set('tables')} />
                  ), { required: true })}
                </div>
              </li>
            );
          })}
        </ol>
        <FieldErrorList id={`${domId('sessions')}-errors`} messages={sessionMessages} />
        {draft.sessions.length < maxSessions && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onChange({ ...draft, sessions: [...draft.sessions, emptySession()] })}
          >
            {t('gatherings.form.addSession')}
          </button>
        )}
      </fieldset>

      {failure && (
        <FormAlert
          failure={failure}
          unclaimed={unclaimedErrors(errors, formFields)}
          onReload={onReload}
        />
      )}
      <div className="form__actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('form.saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}
