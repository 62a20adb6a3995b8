import { useState } from 'react';
import { Link } from 'react-router';
import { useConfirm } from '@/components/confirm-dialog';
import { ReasonForm } from '@/components/reason-form';
import { WriteAlert } from '@/components/write-alert';
import type { FieldErrors } from '@/lib/field-errors';
import { formatIsoDate, useI18n } from '@/lib/i18n';
import type { WriteFailure, WriteResult } from '@/lib/write-result';
import { returnProposal, reviseProposal } from '../api/theme-proposals';
import { addParticipant, changeThemeStatus, removeParticipant, themeActions, updateTheme, type ThemeAction } from '../api/themes';
import type { Cluster, ClusterMember, Theme } from '../api/types';
import { draftFromProposal, draftFromTheme, proposalDraftToInput, themeDraftToInput, withMilestoneDone, type ProposalDraft, type ThemeDraft } from '../cluster-draft';
import { useStepLabel } from '../viewer';
import { ConsortiumView, type RenderChain } from './consortium-view';
import { ThemeForm } from './theme-form';
import { ProposalForm } from './proposal-form';
import { ProposalInfo } from './proposal-info';

type Write = { kind: 'idle' } | { kind: 'busy' } | { kind: 'failed'; failure: WriteFailure; errors: FieldErrors };

/**
 * One theme: kind, state, goal, a member's proposal (who proposed it, its invitations, why it was returned), a joint
 * order's steps, milestones and participants. The cluster's coordinators move it on (proposed → active → completed, or
 * dropped), edit it (If-Match), tick milestones off and remove participants, and return a member's proposal with a
 * reason; its proposer revises it and proposes it again. A joint order proposes its consortium.
 */
export function ThemeCard({
  cluster,
  theme,
  manages,
  mySiteIds = new Set(),
  members = [],
  renderChain,
  onTheme,
  onReload,
}: {
  cluster: Cluster;
  theme: Theme;
  manages: boolean;
  /** The reader's own sites: they answer invitations and revise their proposals. */
  mySiteIds?: ReadonlySet<string>;
  /** The cluster's members, partners a revised proposal may invite. */
  members?: readonly ClusterMember[];
  renderChain?: RenderChain;
  onTheme: (theme: Theme) => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const stepLabel = useStepLabel(theme.steps);
  const [write, setWrite] = useState<Write>({ kind: 'idle' });
  const [editing, setEditing] = useState<ThemeDraft | null>(null);
  const [revising, setRevising] = useState<ProposalDraft | null>(null);
  const [returning, setReturning] = useState(false);
  const [consortium, setConsortium] = useState(false);
  const open = theme.status === 'proposed' || theme.status === 'active';
  const busy = write.kind === 'busy';
  const { confirm, dialog } = useConfirm();
  const [removed, setRemoved] = useState<{ supplierId: string; nameJa: string } | null>(null);
  const proposer = theme.proposedBy ?? null;
  // A member's proposal goes back to its proposer while proposed; the proposer changes it until it is adopted.
  const mayReturn = manages && proposer !== null && theme.status === 'proposed';
  const mayRevise = proposer !== null && mySiteIds.has(proposer.supplierId) && (theme.status === 'proposed' || theme.status === 'returned');

  // Dropping and completing end the theme for good (themes cannot be reopened or deleted): asked first.
  async function move(action: ThemeAction) {
    if (action !== 'activate') {
      const confirmed = await confirm({
        title: t(`themes.confirm.${action}`, { title: theme.title }),
        body: <p>{t(`themes.confirm.${action}Body`)}</p>,
        confirmLabel: t(`themes.confirm.${action}Action`),
        danger: action === 'drop',
      });
      if (!confirmed) {
        return;
      }
    }
    await run(() => changeThemeStatus(cluster.id, theme.id, action));
  }

  // A participant taken off can be added again (the API's addParticipant): confirmed, then offered as undo.
  async function removeOne(participant: { supplierId: string; nameJa: string }) {
    const confirmed = await confirm({
      title: t('themes.confirm.removeParticipant', { name: participant.nameJa, title: theme.title }),
      confirmLabel: t('themes.confirm.removeParticipantAction'),
      danger: true,
    });
    if (confirmed) {
      await run(
        () => removeParticipant(cluster.id, theme.id, participant.supplierId),
        () => setRemoved(participant),
      );
    }
  }

  async function run(action: () => Promise<WriteResult<Theme>>, then?: () => void) {
    setWrite({ kind: 'busy' });
    const result = await action();
    if (result.kind === 'ok') {
      setWrite({ kind: 'idle' });
      onTheme(result.data);
      then?.();
    } else {
      setWrite({ kind: 'failed', failure: result, errors: result.kind === 'invalid' ? result.errors : {} });
    }
  }

  const reload = () => {
    setWrite({ kind: 'idle' });
    setEditing(null);
    setRevising(null);
    setReturning(false);
    onReload();
  };
  const failure = write.kind === 'failed' ? write.failure : null;

  return (
    <li className="theme-card" data-testid="theme" data-kind={theme.kind} data-status={theme.status}>
      <div className="theme-card__head">
        <h3>{theme.title}</h3>
        <span className="badge badge--off">{t(`themes.kind.${theme.kind}`)}</span>
        <span className={`badge theme-status theme-status--${theme.status}`} data-testid="theme-status">
          {t(`themes.status.${theme.status}`)}
        </span>
      </div>
      {theme.goal && <p className="theme-card__goal">{theme.goal}</p>}
      {!editing && !revising && <ProposalInfo cluster={cluster} theme={theme} mySiteIds={mySiteIds} onTheme={onTheme} />}

      {editing ? (
        <ThemeForm
          draft={editing}
          onChange={setEditing}
          onSubmit={() => void run(() => updateTheme(cluster.id, theme.id, theme.version, themeDraftToInput(editing)), () => setEditing(null))}
          onCancel={() => {
            setEditing(null);
            setWrite({ kind: 'idle' });
          }}
          valueChain={cluster.valueChain}
          editing
          busy={busy}
          errors={write.kind === 'failed' ? write.errors : {}}
          failure={failure}
          onReload={reload}
        />
      ) : revising ? (
        <>
          <h4>{t('themes.reviseHeading')}</h4>
          <ProposalForm
            draft={revising}
            onChange={setRevising}
            onSubmit={() =>
              void run(
                () => reviseProposal(cluster.id, theme, proposalDraftToInput(revising, theme.gatheringId ?? null)),
                () => setRevising(null),
              )
            }
            onCancel={() => {
              setRevising(null);
              setWrite({ kind: 'idle' });
            }}
            ownSites={[]}
            members={members}
            valueChain={cluster.valueChain}
            answered={theme.invitations}
            revising
            busy={busy}
            errors={write.kind === 'failed' ? write.errors : {}}
            failure={failure}
            onReload={reload}
          />
        </>
      ) : (
        <>
          {failure && !returning && <WriteAlert failure={failure} onReload={reload} />}
          {removed && (
            <p className="notice" role="status" data-testid="participant-removed">
              {t('themes.participantRemoved', { name: removed.nameJa })}
              {open && manages && (
                <button
                  type="button"
                  className="button button--secondary button--small notice__undo"
                  disabled={busy}
                  onClick={() =>
                    void run(
                      () => addParticipant(cluster.id, theme.id, removed.supplierId),
                      () => setRemoved(null),
                    )
                  }
                >
                  {t('parts.undo')}
                </button>
              )}
            </p>
          )}
          <dl className="details theme-card__details">
            {theme.kind === 'joint_order' && (
              <>
                <dt>{t('themes.steps')}</dt>
                <dd>
                  <ol className="theme-card__steps">
                    {theme.steps.map((_, i) => (
                      <li key={i}>{stepLabel(i)}</li>
                    ))}
                  </ol>
                </dd>
              </>
            )}
            <dt>{t('themes.milestones')}</dt>
            <dd>
              {theme.milestones.length === 0 ? (
                <span className="muted">{t('themes.noMilestones')}</span>
              ) : (
                <ul className="theme-card__list" data-testid="milestones">
                  {theme.milestones.map((milestone, i) => {
                    const text = `${milestone.dueDate ? `${formatIsoDate(milestone.dueDate)} ` : ''}${milestone.title}`;
                    return (
                      <li key={i} data-testid="milestone" data-done={milestone.done || undefined}>
                        {manages && open ? (
                          <label className="form__check">
                            <input
                              type="checkbox"
                              checked={milestone.done ?? false}
                              disabled={busy}
                              onChange={(event) =>
                                void run(() => updateTheme(cluster.id, theme.id, theme.version, withMilestoneDone(theme, i, event.target.checked)))
                              }
                            />{' '}
                            {text}
                          </label>
                        ) : (
                          <>
                            {text}{' '}
                            <span className={milestone.done ? 'badge badge--on' : 'badge badge--off'}>
                              {milestone.done ? t('themes.milestoneDone') : t('themes.milestoneOpen')}
                            </span>
                          </>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </dd>
            <dt>{t('themes.participants')}</dt>
            <dd>
              {theme.participants.length === 0 ? (
                <span className="muted">{t('themes.noParticipants')}</span>
              ) : (
                <ul className="theme-card__list" data-testid="participants">
                  {theme.participants.map((p) => (
                    <li key={p.supplierId} data-testid="participant">
                      <Link to={`/suppliers/${p.supplierId}`}>{p.nameJa}</Link>
                      {manages && open && (
                        <>
                          {' '}
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            disabled={busy}
                            aria-label={t('themes.removeParticipantOf', { name: p.nameJa })}
                            onClick={() => void removeOne(p)}
                          >
                            {t('clusters.remove')}
                          </button>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </dl>
          <div className="clusters__actions" role="group" aria-label={t('themes.actions', { title: theme.title })}>
            {manages &&
              themeActions(theme.status).map((action: ThemeAction) => (
                <button
                  key={action}
                  type="button"
                  className={action === 'drop' ? 'button button--secondary' : 'button'}
                  disabled={busy}
                  onClick={() => void move(action)}
                >
                  {t(`themes.action.${action}`)}
                </button>
              ))}
            {manages && open && (
              <button type="button" className="button button--secondary" disabled={busy} onClick={() => setEditing(draftFromTheme(theme))}>
                {t('themes.edit')}
              </button>
            )}
            {mayReturn && (
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                aria-expanded={returning}
                onClick={() => {
                  setWrite({ kind: 'idle' });
                  setReturning(true);
                }}
              >
                {t('themes.return')}
              </button>
            )}
            {mayRevise && (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => {
                  setWrite({ kind: 'idle' });
                  setRevising(draftFromProposal(theme));
                }}
              >
                {t('themes.revise')}
              </button>
            )}
            {theme.kind === 'joint_order' && (
              <button type="button" className="button button--secondary" aria-expanded={consortium} onClick={() => setConsortium((v) => !v)}>
                {consortium ? t('consortium.hide') : t('consortium.propose')}
              </button>
            )}
          </div>
          {returning && (
            <ReasonForm
              testId="return-form"
              label={t('themes.returnReason')}
              submitLabel={t('themes.return')}
              busy={busy}
              failure={failure}
              onSubmit={(reason) => void run(() => returnProposal(cluster.id, theme, reason), () => setReturning(false))}
              onCancel={() => {
                setReturning(false);
                setWrite({ kind: 'idle' });
              }}
            />
          )}
        </>
      )}
      {consortium && theme.kind === 'joint_order' && (
        <ConsortiumView clusterId={cluster.id} theme={theme} manages={manages} renderChain={renderChain} onTheme={onTheme} />
      )}
      {dialog}
    </li>
  );
}
