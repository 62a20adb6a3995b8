import { useState } from 'react';
import { Link } from 'react-router';
import { ReasonForm } from '@/components/reason-form';
import { WriteAlert } from '@/components/write-alert';
import type { FieldErrors } from '@/lib/field-errors';
import { formatDateTime, useI18n } from '@/lib/i18n';
import type { WriteFailure, WriteResult } from '@/lib/write-result';
import { answerInvitation, returnProposal, reviseProposal } from '../api/theme-proposals';
import type { Cluster, ClusterMember, Theme, ThemeInvitation } from '../api/types';
import { draftFromProposal, proposalDraftToInput, type ProposalDraft } from '../cluster-draft';
import { ProposalForm } from './proposal-form';

type Write = { kind: 'idle' } | { kind: 'busy' } | { kind: 'failed'; failure: WriteFailure; errors: FieldErrors };
type Open = null | 'return' | { decline: string } | { revise: ProposalDraft };

/**
 * What a member's proposal adds to a theme card: who proposed it, the partners it invited and their answers, why the
 * coordinators returned it. The invited members' accounts accept or decline (with a reason); the cluster's coordinators
 * return it with a reason (adopting it is the theme's 開始); the proposer revises it and proposes it again.
 */
export function ThemeProposal({
  cluster,
  theme,
  manages,
  mySiteIds,
  members,
  onTheme,
  onReload,
}: {
  cluster: Cluster;
  theme: Theme;
  manages: boolean;
  /** The reader's own sites (fresh from /auth/me). */
  mySiteIds: ReadonlySet<string>;
  members: readonly ClusterMember[];
  onTheme: (theme: Theme) => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const [write, setWrite] = useState<Write>({ kind: 'idle' });
  const [open, setOpen] = useState<Open>(null);
  const busy = write.kind === 'busy';
  const failure = write.kind === 'failed' ? write.failure : null;
  const proposer = theme.proposedBy ?? null;
  const ended = theme.status === 'completed' || theme.status === 'dropped';
  const mayRevise = proposer !== null && mySiteIds.has(proposer.supplierId) && (theme.status === 'proposed' || theme.status === 'returned');
  const mayReturn = manages && proposer !== null && theme.status === 'proposed';

  async function run(action: () => Promise<WriteResult<Theme>>) {
    setWrite({ kind: 'busy' });
    const result = await action();
    if (result.kind === 'ok') {
      setWrite({ kind: 'idle' });
      setOpen(null);
      onTheme(result.data);
    } else {
      setWrite({ kind: 'failed', failure: result, errors: result.kind === 'invalid' ? result.errors : {} });
    }
  }

  const show = (next: Open) => {
    setWrite({ kind: 'idle' });
    setOpen(next);
  };
  const reload = () => {
    show(null);
    onReload();
  };

  if (proposer === null && theme.invitations.length === 0) {
    return null;
  }

  if (open !== null && typeof open === 'object' && 'revise' in open) {
    const draft = open.revise;
    return (
      <div className="theme-proposal">
        <h4>{t('themes.reviseHeading')}</h4>
        <ProposalForm
          draft={draft}
          onChange={(next) => setOpen({ revise: next })}
          onSubmit={() => void run(() => reviseProposal(cluster.id, theme, proposalDraftToInput(draft, theme.gatheringId ?? null)))}
          onCancel={() => show(null)}
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
      </div>
    );
  }

  return (
    <div className="theme-proposal" data-testid="theme-proposal">
      {proposer && (
        <p data-testid="proposed-by">
          {t('themes.proposedBy')} <Link to={`/suppliers/${proposer.supplierId}`}>{proposer.nameJa}</Link>
          {theme.gatheringId && (
            <>
              {' · '}
              <Link to={`/gatherings/${theme.gatheringId}`}>{t('themes.fromGathering')}</Link>
            </>
          )}
        </p>
      )}
      {theme.returnReason && (
        <p className="notice theme-proposal__returned" data-testid="return-reason">
          {t('themes.returnedBecause', { reason: theme.returnReason })}
        </p>
      )}
      {theme.invitations.length > 0 && (
        <>
          <h4>{t('themes.invitations')}</h4>
          <ul className="theme-card__list" data-testid="invitations">
            {theme.invitations.map((invitation) => (
              <Invitation
                key={invitation.supplierId}
                invitation={invitation}
                mine={mySiteIds.has(invitation.supplierId) && invitation.status === 'invited' && !ended}
                busy={busy}
                declining={open !== null && typeof open === 'object' && 'decline' in open && open.decline === invitation.supplierId}
                failure={failure}
                onAccept={() => void run(() => answerInvitation(cluster.id, theme.id, invitation.supplierId, { accept: true }))}
                onDecline={() => show({ decline: invitation.supplierId })}
                onDeclined={(reason) => void run(() => answerInvitation(cluster.id, theme.id, invitation.supplierId, { decline: reason }))}
                onCancel={() => show(null)}
              />
            ))}
          </ul>
        </>
      )}
      {open === 'return' ? (
        <ReasonForm
          testId="return-form"
          label={t('themes.returnReason')}
          submitLabel={t('themes.return')}
          busy={busy}
          failure={failure}
          onSubmit={(reason) => void run(() => returnProposal(cluster.id, theme, reason))}
          onCancel={() => show(null)}
        />
      ) : (
        <>
          {open === null && failure && <WriteAlert failure={failure} onReload={reload} />}
          {(mayReturn || mayRevise) && (
            <div className="clusters__actions" role="group" aria-label={t('themes.proposalActions', { title: theme.title })}>
              {mayReturn && (
                <button type="button" className="button button--secondary" disabled={busy} onClick={() => show('return')}>
                  {t('themes.return')}
                </button>
              )}
              {mayRevise && (
                <button type="button" className="button" disabled={busy} onClick={() => show({ revise: draftFromProposal(theme) })}>
                  {t('themes.revise')}
                </button>
              )}
            </div>
          )}
        </>
      )}
    </div>
  );
}

function Invitation({
  invitation,
  mine,
  busy,
  declining,
  failure,
  onAccept,
  onDecline,
  onDeclined,
  onCancel,
}: {
  invitation: ThemeInvitation;
  /** The reader acts for the invited site and it has not answered yet. */
  mine: boolean;
  busy: boolean;
  declining: boolean;
  failure: WriteFailure | null;
  onAccept: () => void;
  onDecline: () => void;
  onDeclined: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t, language } = useI18n();
  return (
    <li data-testid="invitation" data-status={invitation.status} data-supplier={invitation.supplierId}>
      <Link to={`/suppliers/${invitation.supplierId}`}>{invitation.nameJa}</Link>{' '}
      <span className={`badge invitation-status invitation-status--${invitation.status}`} data-testid="invitation-status">
        {t(`themes.invitation.${invitation.status}`)}
      </span>
      {invitation.answeredAt && <span className="muted"> {t('themes.answeredAt', { at: formatDateTime(invitation.answeredAt, language) })}</span>}
      {invitation.status === 'declined' && invitation.reason && (
        <span className="table__sub" data-testid="invitation-reason">
          {t('themes.declinedBecause', { reason: invitation.reason })}
        </span>
      )}
      {mine && !declining && (
        <span className="theme-proposal__answer" role="group" aria-label={t('themes.answerFor', { name: invitation.nameJa })}>
          <button type="button" className="button button--small" disabled={busy} onClick={onAccept}>
            {t('themes.accept')}
          </button>
          <button type="button" className="button button--secondary button--small" disabled={busy} onClick={onDecline}>
            {t('themes.decline')}
          </button>
        </span>
      )}
      {declining && (
        <ReasonForm
          testId="decline-form"
          label={t('themes.declineReason')}
          submitLabel={t('themes.decline')}
          busy={busy}
          failure={failure}
          onSubmit={onDeclined}
          onCancel={onCancel}
        />
      )}
    </li>
  );
}
