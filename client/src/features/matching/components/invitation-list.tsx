import { EmptyState } from '@/components/async-state';
import { useConfirm } from '@/components/confirm-dialog';
import { useI18n } from '@/lib/i18n';
import type { WriteResult } from '@/lib/write-result';
import { awardRequest, shortlistSupplier } from '../api/invitations';
import type { Invitation } from '../api/types';
import { InvitationThread } from './invitation-thread';
import { ProfileLink } from './profile-link';

/**
 * The invited sites (each name opens its profile), how they answered, and the buyer's next step for each: shortlist an
 * interested one, award; below, the thread with each site, open where the site has asked something.
 */
export function InvitationList({
  requestId,
  invitations,
  canAct,
  canWrite,
  run,
  working,
  onChanged,
}: {
  requestId: string;
  invitations: readonly Invitation[];
  canAct: boolean;
  /** Whether the reader is the buyer and the request takes messages: else the threads are read-only. */
  canWrite: boolean;
  run: <T>(action: () => Promise<WriteResult<T>>, then: (data: T) => void) => Promise<void>;
  working: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { confirm, dialog } = useConfirm();
  if (invitations.length === 0) {
    return <EmptyState>{t('matching.noInvitations')}</EmptyState>;
  }

  // Awarding ends the request for every other site and cannot be taken back: asked first, naming the site.
  async function award(invitation: Invitation) {
    const confirmed = await confirm({
      title: t('matching.confirm.award', { name: invitation.supplierNameJa }),
      body: <p>{t('matching.confirm.awardBody')}</p>,
      confirmLabel: t('matching.confirm.awardAction'),
    });
    if (confirmed) {
      await run(() => awardRequest(requestId, invitation.supplierId), onChanged);
    }
  }

  return (
    <>
      <div className="table-scroll">
        {dialog}
        <table className="table" data-testid="invitations">
          <thead>
            <tr>
              <th scope="col">{t('matching.col.site')}</th>
              <th scope="col">{t('matching.col.status')}</th>
              <th scope="col">{t('matching.col.question')}</th>
              <th scope="col">{t('matching.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((invitation) => (
              <tr key={invitation.supplierId} data-testid="invitation" data-status={invitation.status}>
                <th scope="row">
                  <ProfileLink id={invitation.supplierId} testId="invitation-site">
                    {invitation.supplierNameJa}
                  </ProfileLink>
                </th>
                <td>{t(`matching.invitation.${invitation.status}`)}</td>
                <td>{invitation.question ?? ''}</td>
                <td className="matching__actions">
                  {canAct && invitation.status === 'interested' && (
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={working}
                      onClick={() => void run(() => shortlistSupplier(requestId, invitation.supplierId), onChanged)}
                    >
                      {t('matching.shortlist')}
                    </button>
                  )}
                  {canAct && (invitation.status === 'interested' || invitation.status === 'shortlisted') && (
                    <button
                      type="button"
                      className="button"
                      disabled={working}
                      onClick={() => void award(invitation)}
                    >
                      {t('matching.award')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="threads">
        {invitations.map((invitation) => (
          <details
            key={invitation.supplierId}
            className="threads__item"
            open={Boolean(invitation.question) || undefined}
            data-testid="thread-toggle"
          >
            <summary>{t('matching.thread.headingBuyer', { name: invitation.supplierNameJa })}</summary>
            <InvitationThread
              requestId={requestId}
              supplierId={invitation.supplierId}
              supplierName={invitation.supplierNameJa}
              viewer="buyer"
              canWrite={canWrite}
            />
          </details>
        ))}
      </div>
    </>
  );
}
