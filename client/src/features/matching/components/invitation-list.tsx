import { EmptyState } from '@/components/async-state';
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
  if (invitations.length === 0) {
    return <EmptyState>{t('matching.noInvitations')}</EmptyState>;
  }
  return (
    <div className="table-scroll">
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
                    onClick={() => void run(() => awardRequest(requestId, invitation.supplierId), onChanged)}
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
