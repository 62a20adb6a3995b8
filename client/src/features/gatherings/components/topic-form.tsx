import { useId, useState, type FormEvent } from 'react';
import { FieldErrorList } from '@/components/field-error-list';
import { FormAlert } from '@/components/form-alert';
import { useUnsavedChanges } from '@/components/unsaved-changes';
import { errorsFor, unclaimedErrors, type FieldErrors } from '@/lib/field-errors';
import { useI18n } from '@/lib/i18n';
import { postTopic } from '../api/topics';
import { topicKinds, type Gathering, type GatheringTopic, type Participant, type TopicKind } from '../api/types';
import { useWrite } from '../hooks/use-write';

const formFields = ['kind', 'title', 'body', 'anonymous', 'participantId'] as const;

/**
 * Bringing a topic or a challenge to an exchange meeting (an approved participant, before the day). A challenge may be
 * posted without the firm's name; the form says plainly that the organisers still see who posted it.
 */
export function TopicForm({
  gathering,
  registrations,
  onPosted,
}: {
  gathering: Gathering;
  /** The reader's approved registrations: with more than one, it says which one posts. */
  registrations: readonly Participant[];
  onPosted: (topic: GatheringTopic) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [kind, setKind] = useState<TopicKind>('topic');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [participantId, setParticipantId] = useState(registrations[0]?.id ?? '');
  const unsaved = useUnsavedChanges(title !== '' || body !== '');
  const { busy, failure, run } = useWrite<GatheringTopic>((topic) => {
    unsaved.allowLeave();
    setTitle('');
    setBody('');
    setAnonymous(false);
    onPosted(topic);
  });
  const errors: FieldErrors = failure?.kind === 'invalid' ? failure.errors : {};
  const messages = (field: string) => errorsFor(errors, field);
  const describedBy = (field: string, ...more: string[]) =>
    [...more, messages(field).length > 0 ? `${id}-${field}-errors` : null].filter(Boolean).join(' ') || undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(() =>
      postTopic(gathering.id, {
        kind,
        title: title.trim(),
        body: body.trim() || null,
        anonymous: kind === 'challenge' && anonymous,
        participantId: participantId || null,
      }),
    );
  }

  return (
    <form className="form topic-form" aria-labelledby={`${id}-heading`} onSubmit={submit} noValidate data-testid="topic-form">
      <h3 id={`${id}-heading`}>{t('gatherings.topics.formHeading')}</h3>
      <fieldset className="form__group" aria-describedby={describedBy('kind')}>
        <legend>{t('gatherings.topics.kindLegend')}</legend>
        {topicKinds.map((value) => (
          <label key={value} className="form__check">
            <input type="radio" name={`${id}-kind`} value={value} checked={kind === value} onChange={() => setKind(value)} />
            <span>
              {t(`gatherings.topics.kind.${value}`)}
              <span className="table__sub">{t(`gatherings.topics.kindHint.${value}`)}</span>
            </span>
          </label>
        ))}
        <FieldErrorList id={`${id}-kind-errors`} messages={messages('kind')} />
      </fieldset>
      {registrations.length > 1 && (
        <div className="form__field">
          <label htmlFor={`${id}-participant`}>{t('gatherings.topics.postAs')}</label>
          <select
            id={`${id}-participant`}
            value={participantId}
            aria-describedby={describedBy('participantId')}
            onChange={(event) => setParticipantId(event.target.value)}
          >
            {registrations.map((p) => (
              <option key={p.id} value={p.id}>
                {t(`gatherings.role.${p.role}`)} {p.name}
              </option>
            ))}
          </select>
          <FieldErrorList id={`${id}-participantId-errors`} messages={messages('participantId')} />
        </div>
      )}
      <div className="form__field">
        <label htmlFor={`${id}-title`}>
          {t('gatherings.topics.title')}
          <span className="form__required">{t('form.required')}</span>
        </label>
        <input
          id={`${id}-title`}
          type="text"
          maxLength={200}
          value={title}
          aria-required
          aria-invalid={messages('title').length > 0 || undefined}
          aria-describedby={describedBy('title')}
          onChange={(event) => setTitle(event.target.value)}
        />
        <FieldErrorList id={`${id}-title-errors`} messages={messages('title')} />
      </div>
      <div className="form__field">
        <label htmlFor={`${id}-body`}>{t('gatherings.topics.body')}</label>
        <textarea
          id={`${id}-body`}
          rows={4}
          maxLength={4000}
          value={body}
          aria-invalid={messages('body').length > 0 || undefined}
          aria-describedby={describedBy('body')}
          onChange={(event) => setBody(event.target.value)}
        />
        <FieldErrorList id={`${id}-body-errors`} messages={messages('body')} />
      </div>
      {kind === 'challenge' && (
        <div className="form__field">
          <label className="form__check">
            <input
              type="checkbox"
              checked={anonymous}
              aria-describedby={describedBy('anonymous', `${id}-privacy`)}
              onChange={(event) => setAnonymous(event.target.checked)}
            />
            {t('gatherings.topics.postAnonymously')}
          </label>
          <p className="topic-form__privacy" id={`${id}-privacy`} data-testid="anonymity-note">
            {t('gatherings.topics.anonymityNote')}
          </p>
          <FieldErrorList id={`${id}-anonymous-errors`} messages={messages('anonymous')} />
        </div>
      )}
      {failure && <FormAlert failure={failure} unclaimed={unclaimedErrors(errors, formFields)} />}
      <div className="form__actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('gatherings.topics.posting') : t('gatherings.topics.post')}
        </button>
      </div>
    </form>
  );
}
