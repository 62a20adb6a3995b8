import { useId, useState, type FormEvent } from 'react';
import { FieldErrorList } from '@/components/field-error-list';
import { FormAlert } from '@/components/form-alert';
import { useUnsavedChanges } from '@/components/unsaved-changes';
import { errorsFor, unclaimedErrors, type FieldErrors } from '@/lib/field-errors';
import { joinList, useI18n } from '@/lib/i18n';
import type { WriteFailure } from '@/lib/write-result';
import { themeKinds, type ClusterMember, type ThemeInvitation } from '../api/types';
import type { ProposalDraft } from '../cluster-draft';
import { useStepLabel } from '../viewer';
import { ProcessStepsEditor } from './process-steps-editor';

const formFields = ['supplierId', 'kind', 'title', 'goal', 'steps', 'invitedSupplierIds', 'gatheringId'] as const;

export interface ProposalFormProps {
  draft: ProposalDraft;
  onChange: (draft: ProposalDraft) => void;
  onSubmit: () => void;
  onCancel: () => void;
  /** The reader's own sites that are members: the proposer is one of them. */
  ownSites: readonly ClusterMember[];
  /** The cluster's accepted members: partners to invite (never the proposing site itself). */
  members: readonly ClusterMember[];
  valueChain: readonly string[];
  /** Revising: the kind and the proposer stay; invitations already answered keep their answer. */
  answered?: readonly ThemeInvitation[];
  revising: boolean;
  busy: boolean;
  errors: FieldErrors;
  failure: WriteFailure | null;
  onReload?: () => void;
}

/**
 * A member site's theme proposal: which of the reader's member sites proposes, the kind, title and goal, a joint
 * order's steps, and the other members it invites as partners.
 */
export function ProposalForm({
  draft,
  onChange,
  onSubmit,
  onCancel,
  ownSites,
  members,
  valueChain,
  answered = [],
  revising,
  busy,
  errors,
  failure,
  onReload,
}: ProposalFormProps) {
  const { t, language } = useI18n();
  const id = useId();
  const stepLabel = useStepLabel(valueChain);
  const [start] = useState(() => JSON.stringify(draft));
  useUnsavedChanges(JSON.stringify(draft) !== start);
  const messages = (field: string) => errorsFor(errors, field);
  const describedBy = (field: string) => (messages(field).length > 0 ? `${id}-${field}-errors` : undefined);
  const partners = members.filter((m) => m.status === 'member' && m.supplierId !== draft.supplierId);
  const answerOf = (supplierId: string) => answered.find((i) => i.supplierId === supplierId && i.status !== 'invited');

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <form
      className="form theme-form"
      aria-label={revising ? t('themes.reviseLabel') : t('themes.proposeLabel')}
      onSubmit={submit}
      noValidate
      data-testid="proposal-form"
    >
      {!revising && <p className="muted">{t('themes.proposeLead')}</p>}
      {ownSites.length > 1 && !revising && (
        <div className="form__field">
          <label htmlFor={`${id}-supplierId`}>{t('themes.proposer')}</label>
          <select
            id={`${id}-supplierId`}
            value={draft.supplierId}
            aria-describedby={describedBy('supplierId')}
            onChange={(event) => onChange({ ...draft, supplierId: event.target.value, invited: draft.invited.filter((s) => s !== event.target.value) })}
          >
            {ownSites.map((site) => (
              <option key={site.supplierId} value={site.supplierId}>
                {site.nameJa}
              </option>
            ))}
          </select>
          <FieldErrorList id={`${id}-supplierId-errors`} messages={messages('supplierId')} />
        </div>
      )}
      <fieldset className="cluster-form__group" aria-describedby={describedBy('kind')}>
        <legend>{t('themes.kind')}</legend>
        {themeKinds.map((kind) => (
          <label key={kind} className="radio">
            <input
              type="radio"
              name={`${id}-kind`}
              value={kind}
              checked={draft.kind === kind}
              disabled={revising && draft.kind !== kind}
              onChange={() => onChange({ ...draft, kind })}
            />{' '}
            {t(`themes.kind.${kind}`)}
          </label>
        ))}
        <FieldErrorList id={`${id}-kind-errors`} messages={messages('kind')} />
      </fieldset>
      <div className="form__field">
        <label htmlFor={`${id}-title`}>
          {t('themes.title')}
          <span className="form__required">{t('form.required')}</span>
        </label>
        <input
          id={`${id}-title`}
          type="text"
          maxLength={200}
          value={draft.title}
          aria-required
          aria-invalid={messages('title').length > 0 || undefined}
          aria-describedby={describedBy('title')}
          onChange={(event) => onChange({ ...draft, title: event.target.value })}
        />
        <FieldErrorList id={`${id}-title-errors`} messages={messages('title')} />
      </div>
      <div className="form__field">
        <label htmlFor={`${id}-goal`}>{t('themes.goal')}</label>
        <textarea
          id={`${id}-goal`}
          rows={3}
          maxLength={4000}
          value={draft.goal}
          aria-invalid={messages('goal').length > 0 || undefined}
          aria-describedby={describedBy('goal')}
          onChange={(event) => onChange({ ...draft, goal: event.target.value })}
        />
        <FieldErrorList id={`${id}-goal-errors`} messages={messages('goal')} />
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
            name="proposal-steps"
            steps={draft.steps}
            onChange={(steps) => onChange({ ...draft, steps })}
            invalid={messages('steps').length > 0}
            describedBy={describedBy('steps')}
          />
          <FieldErrorList id={`${id}-steps-errors`} messages={messages('steps')} />
        </fieldset>
      )}
      <fieldset className="cluster-form__group" aria-describedby={describedBy('invitedSupplierIds')} data-testid="invitees">
        <legend>{t('themes.invite')}</legend>
        <p className="form__hint">{t('themes.inviteHint')}</p>
        {partners.length === 0 && <p className="muted">{t('themes.noOtherMembers')}</p>}
        <div className="invitees">
          {partners.map((member) => {
            const answer = answerOf(member.supplierId);
            const steps = member.coveredSteps.map(stepLabel);
            return (
              <label key={member.supplierId} className="form__check" data-testid="invitee">
                <input
                  type="checkbox"
                  value={member.supplierId}
                  checked={draft.invited.includes(member.supplierId)}
                  disabled={answer !== undefined}
                  onChange={(event) =>
                    onChange({
                      ...draft,
                      invited: event.target.checked ? [...draft.invited, member.supplierId] : draft.invited.filter((s) => s !== member.supplierId),
                    })
                  }
                />
                <span>
                  {member.nameJa}
                  {answer && `（${t('themes.answered', { status: t(`themes.invitation.${answer.status}`) })}）`}
                  {steps.length > 0 && <span className="table__sub">{joinList(steps, language)}</span>}
                </span>
              </label>
            );
          })}
        </div>
        <FieldErrorList id={`${id}-invitedSupplierIds-errors`} messages={messages('invitedSupplierIds')} />
      </fieldset>
      {failure && <FormAlert failure={failure} unclaimed={unclaimedErrors(errors, formFields)} onReload={onReload} />}
      <div className="form__actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('form.saving') : revising ? t('themes.resubmit') : t('themes.submitProposal')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
