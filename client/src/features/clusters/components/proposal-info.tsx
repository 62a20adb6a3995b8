import { useState } from 'react';
import { Link } from 'react-router';
import { ReasonForm } from '@/components/reason-form';
import { WriteAlert } from '@/components/write-alert';
import { formatDateTime, useI18n } from '@/lib/i18n';
import type { WriteFailure, WriteResult } from '@/lib/write-result';
import { answerInvitation } from '../api/theme-proposals';
import type { Cluster, Theme, ThemeInvitation } from '../api/types';

/**
 * What a member's proposal adds to a theme card: who proposed it (and at which gathering), why the coordinators
 * returned it, and the partners it invited with their answers. The invited members' accounts accept or decline (with a
 * reason) here; returning and revising are the card's actions.
 */
export function ProposalInfo({
  cluster,
  theme,
  mySiteIds,
  onTheme,
}: {
  cluster: Cluster;
  theme: Theme;
  /** The reader's own sites (fresh from /auth/me). */
  mySiteIds: ReadonlySet<string>;
  onTheme: (theme: Theme) => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<WriteFailure | null>(null);
  const [declining, setDeclining] = useState<string | null>(null);
  const proposer = theme.proposedBy ?? null;
  const ended = theme.status === 'completed' || theme.status === 'dropped';

  async function run(action: () => Promise<WriteResult<Theme>>) {
    setBusy(true);
    setFailure(null);
    const result = await action();
    setBusy(false);
    if (result.kind === 'ok') {
      setDeclining(null);
      onTheme(result.data);
    } else {
      setFailure(result);
    }
  }

  if (proposer === null && theme.invitations.length === 0) {
    return null;
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
                declining={declining === invitation.supplierId}
                failure={failure}
                onAccept={() => void run(() => answerInvitation(cluster.id, theme.id, invitation.supplierId, { accept: true }))}
                onDecline={() => {
                  setFailure(null);
                  setDeclining(invitation.supplierId);
                }}
                onDeclined={(reason) => void run(() => answerInvitation(cluster.id, theme.id, invitation.supplierId, { decline: reason }))}
                onCancel={() => setDeclining(null)}
              />
            ))}
          </ul>
          {failure && declining === null && <WriteAlert failure={failure} />}
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
