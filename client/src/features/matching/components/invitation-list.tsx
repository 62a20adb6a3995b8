import { EmptyState } from '@/components/async-state';
import { useConfirm } from '@/components/confirm-dialog';
import { useI18n } from '@/lib/i18n';
import type { WriteResult } from '@/lib/write-result';
import { awardRequest, shortlistSupplier } from '../api/invitations';
import type { Invitation } from '../api/types';

/** The invited sites, how they answered, and the buyer's next step for each: shortlist an interested one, award. */
export function InvitationList({
  requestId,
  invitations,
  canAct,
  run,
  working,
  onChanged,
}: {
  requestId: string;
  invitations: readonly Invitation[];
  canAct: boolean;
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
              <th scope="row">{invitation.supplierNameJa}</th>
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
  );
}
