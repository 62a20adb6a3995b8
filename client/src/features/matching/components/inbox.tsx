import { useState } from 'react';
import { EmptyState, ErrorState, LoadingState } from '@/components/async-state';
import { WriteAlert } from '@/components/write-alert';
import { useI18n } from '@/lib/i18n';
import type { WriteFailure } from '@/lib/write-result';
import { answerInvitation, getInbox } from '../api/inbox';
import type { InboxItem, Invitation, InvitationAnswer } from '../api/types';
import { useLoaded } from '@/lib/use-loaded';
import { InvitationThread } from './invitation-thread';
import { RequestSummary } from './request-summary';
import { StatusBadge } from './status-badge';
import './matching.css';

/** Requests the caller's sites are invited to, each with the answers a site can give. */
export function Inbox() {
  const { t } = useI18n();
  const inbox = useLoaded('inbox', (signal) => getInbox(signal));
  return (
    <section className="card" aria-labelledby="inbox-heading">
      <h1 id="inbox-heading">{t('matching.inboxHeading')}</h1>
      <p className="muted">{t('matching.inboxLead')}</p>
      {inbox.state.kind === 'loading' && <LoadingState />}
      {inbox.state.kind === 'error' && <ErrorState error={inbox.state.error} onRetry={inbox.reload} />}
      {inbox.state.kind === 'ready' && inbox.state.data.length === 0 && <EmptyState>{t('matching.inboxNone')}</EmptyState>}
      {inbox.state.kind === 'ready' && inbox.state.data.length > 0 && (
        <ul className="inbox">
          {inbox.state.data.map((item) => (
            <InboxEntry key={`${item.request.id}-${item.invitation.supplierId}`} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}

function InboxEntry({ item }: { item: InboxItem }) {
  const { t } = useI18n();
  // The row follows what the API answered, without reading the whole inbox again.
  const [invitation, setInvitation] = useState<Invitation>(item.invitation);
  const [working, setWorking] = useState(false);
  const [answered, setAnswered] = useState(false);
  const [failure, setFailure] = useState<WriteFailure | null>(null);
  const open = item.request.status === 'open';

  async function answer(kind: Exclude<InvitationAnswer, 'question'>) {
    setAnswered(false);
    setWorking(true);
    setFailure(null);
    const result = await answerInvitation(item.request.id, { supplierId: invitation.supplierId, answer: kind, question: null });
    setWorking(false);
    if (result.kind === 'ok') {
      setInvitation(result.data);
      setAnswered(true);
    } else {
      setFailure(result);
    }
  }

  // A question is the site's answer to the invitation that keeps it open; the thread shows it and the buyer's reply.
  async function ask(question: string) {
    const result = await answerInvitation(item.request.id, { supplierId: invitation.supplierId, answer: 'question', question });
    if (result.kind === 'ok') {
      setInvitation(result.data);
    }
    return result;
  }

  return (
    <li className="inbox__item card" data-testid="inbox-item" data-request={item.request.id} data-status={invitation.status}>
      <h2>{item.request.request.title}</h2>
      <p>
        <StatusBadge status={item.request.status} /> {t('matching.inboxFor', { name: invitation.supplierNameJa })} —{' '}
        <span data-testid="invitation-status">{t(`matching.invitation.${invitation.status}`)}</span>
      </p>
      <RequestSummary saved={item.request} withState={false} />
      {failure && <WriteAlert failure={failure} />}
      {answered && (
        <p className="notice notice--inline" role="status">
          {t('matching.answered')}
        </p>
      )}
      {open && (
        <div className="matching__actions" role="group" aria-label={t('matching.answerGroup')}>
          {(['interested', 'declined'] as const).map((kind) => (
            <button
              key={kind}
              type="button"
              className={kind === 'interested' ? 'button' : 'button button--secondary'}
              disabled={working}
              onClick={() => void answer(kind)}
            >
              {t(`matching.answer.${kind}`)}
            </button>
          ))}
        </div>
      )}
      <InvitationThread
        requestId={item.request.id}
        supplierId={invitation.supplierId}
        supplierName={invitation.supplierNameJa}
        viewer="supplier"
        canWrite={open || item.request.status === 'closed'}
        ask={open ? ask : undefined}
      />
    </li>
  );
}
