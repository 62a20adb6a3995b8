import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { FieldErrorList } from '@/components/field-error-list';
import { FormAlert } from '@/components/form-alert';
import { useUnsavedChanges } from '@/components/unsaved-changes';
import { errorsFor, unclaimedErrors, type FieldErrors } from '@/lib/field-errors';
import { useI18n } from '@/lib/i18n';
import type { WriteFailure } from '@/lib/write-result';
import { themeKinds } from '../api/types';
import { emptyMilestone, type MilestoneDraft, type ThemeDraft } from '../cluster-draft';
import { ProcessStepsEditor } from './process-steps-editor';

const formFields = ['kind', 'title', 'goal', 'steps', 'milestones'] as const;

export interface ThemeFormProps {
  draft: ThemeDraft;
  onChange: (draft: ThemeDraft) => void;
  onSubmit: () => void;
  onCancel: () => void;
  /** The cluster's value chain: what a joint order without steps of its own covers. */
  valueChain: readonly string[];
  /** A theme keeps its kind once proposed. */
  editing: boolean;
  busy: boolean;
  errors: FieldErrors;
  failure: WriteFailure | null;
  onReload?: () => void;
}

/** A co-creation theme: its kind, title and goal; a joint order's steps (chosen with the process picker); milestones. */
export function ThemeForm({ draft, onChange, onSubmit, onCancel, valueChain, editing, busy, errors, failure, onReload }: ThemeFormProps) {
  const { t } = useI18n();
  const id = useId();
  const domId = (field: string) => `${id}-${field.replace(/\W/g, '-')}`;
  const titleMessages = errorsFor(errors, 'title');
  const goalMessages = errorsFor(errors, 'goal');
  const stepMessages = errorsFor(errors, 'steps');
  const kindMessages = errorsFor(errors, 'kind');
  const milestoneMessages = errors['milestones'] ?? [];
  // Unsaved while the draft differs from what the form opened with; saving or cancelling closes the form.
  const [start] = useState(() => JSON.stringify(draft));
  useUnsavedChanges(JSON.stringify(draft) !== start);

  const setMilestone = (index: number, milestone: MilestoneDraft) =>
    onChange({ ...draft, milestones: draft.milestones.map((m, i) => (i === index ? milestone : m)) });

  function milestoneRow(milestone: MilestoneDraft, index: number): ReactNode {
    const n = index + 1;
    const title = errorsFor(errors, `milestones[${index}].title`);
    const due = errorsFor(errors, `milestones[${index}].dueDate`);
    return (
      <li key={milestone.key} className="milestone-row" data-testid="milestone-row">
        <div className="form__field">
          <label htmlFor={domId(`milestones[${index}].title`)}>{t('themes.milestoneTitle', { n })}</label>
          <input
            id={domId(`milestones[${index}].title`)}
            type="text"
            value={milestone.title}
            aria-invalid={title.length > 0 || undefined}
            aria-describedby={title.length > 0 ? `${domId(`milestones[${index}].title`)}-errors` : undefined}
            onChange={(event) => setMilestone(index, { ...milestone, title: event.target.value })}
          />
          <FieldErrorList id={`${domId(`milestones[${index}].title`)}-errors`} messages={title} />
        </div>
        <div className="form__field">
          <label htmlFor={domId(`milestones[${index}].dueDate`)}>{t('themes.milestoneDue', { n })}</label>
          <input
            id={domId(`milestones[${index}].dueDate`)}
            type="date"
            value={milestone.dueDate}
            aria-invalid={due.length > 0 || undefined}
            aria-describedby={due.length > 0 ? `${domId(`milestones[${index}].dueDate`)}-errors` : undefined}
            onChange={(event) => setMilestone(index, { ...milestone, dueDate: event.target.value })}
          />
          <FieldErrorList id={`${domId(`milestones[${index}].dueDate`)}-errors`} messages={due} />
        </div>
        <label className="form__check">
          <input type="checkbox" checked={milestone.done} onChange={(event) => setMilestone(index, { ...milestone, done: event.target.checked })} />{' '}
          {t('themes.milestoneDone')}
        </label>
        <button
          type="button"
          className="button button--secondary button--small"
          aria-label={t('themes.removeMilestone', { n })}
          onClick={() => onChange({ ...draft, milestones: draft.milestones.filter((_, i) => i !== index) })}
        >
          ×
        </button>
      </li>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <form className="form theme-form" aria-label={editing ? t('themes.editLabel') : t('themes.newLabel')} onSubmit={submit} noValidate>
      <fieldset className="cluster-form__group" aria-describedby={kindMessages.length > 0 ? `${domId('kind')}-errors` : undefined}>
        <legend>{t('themes.kind')}</legend>
        {themeKinds.map((kind) => (
          <label key={kind} className="radio">
            <input
              type="radio"
              name={`${id}-kind`}
              value={kind}
              checked={draft.kind === kind}
              disabled={editing && draft.kind !== kind}
              onChange={() => onChange({ ...draft, kind })}
            />{' '}
            {t(`themes.kind.${kind}`)}
          </label>
        ))}
        <FieldErrorList id={`${domId('kind')}-errors`} messages={kindMessages} />
      </fieldset>
      <div className="form__field">
        <label htmlFor={domId('title')}>
          {t('themes.title')}
          <span className="form__required">{t('form.required')}</span>
        </label>
        <input
          id={domId('title')}
          type="text"
          value={draft.title}
          aria-required
          aria-invalid={titleMessages.length > 0 || undefined}
          aria-describedby={titleMessages.length > 0 ? `${domId('title')}-errors` : undefined}
          onChange={(event) => onChange({ ...draft, title: event.target.value })}
        />
        <FieldErrorList id={`${domId('title')}-errors`} messages={titleMessages} />
      </div>
      <div className="form__field">
        <label htmlFor={domId('goal')}>{t('themes.goal')}</label>
        <textarea
          id={domId('goal')}
          rows={3}
          value={draft.goal}
          aria-invalid={goalMessages.length > 0 || undefined}
          aria-describedby={goalMessages.length > 0 ? `${domId('goal')}-errors` : undefined}
          onChange={(event) => onChange({ ...draft, goal: event.target.value })}
        />
        <FieldErrorList id={`${domId('goal')}-errors`} messages={goalMessages} />
      </div>
      {draft.kind === 'joint_order' && (
        <fieldset className="cluster-form__group">
          <legend>{t('themes.steps')}</legend>
          <p className="form__hint">{t('themes.stepsHint')}</p>
          {valueChain.length > 0 && (
            <p>
              <button type="button" className="button button--secondary button--small" onClick={() => onChange({ ...draft, steps: [...valueChain] })}>
                {t('themes.useValueChain')}
              </button>
            </p>
          )}
          <ProcessStepsEditor
            label={t('themes.steps')}
            name="theme-steps"
            steps={draft.steps}
            onChange={(steps) => onChange({ ...draft, steps })}
            invalid={stepMessages.length > 0}
            describedBy={stepMessages.length > 0 ? `${domId('steps')}-errors` : undefined}
          />
          <FieldErrorList id={`${domId('steps')}-errors`} messages={stepMessages} />
        </fieldset>
      )}
      <fieldset className="cluster-form__group">
        <legend>{t('themes.milestones')}</legend>
        <FieldErrorList id={`${domId('milestones')}-errors`} messages={milestoneMessages} />
        {draft.milestones.length > 0 && <ol className="plain-list milestone-rows">{draft.milestones.map(milestoneRow)}</ol>}
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => onChange({ ...draft, milestones: [...draft.milestones, emptyMilestone()] })}
        >
          {t('themes.addMilestone')}
        </button>
      </fieldset>
      {failure && <FormAlert failure={failure} unclaimed={unclaimedErrors(errors, formFields)} onReload={onReload} />}
      <div className="form__actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('form.saving') : editing ? t('form.save') : t('themes.create')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
