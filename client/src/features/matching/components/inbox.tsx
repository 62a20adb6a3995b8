import { useId, useState } from 'react';
import { EmptyState, ErrorState, LoadingState } from '@/components/async-state';
import { WriteAlert } from '@/components/write-alert';
import { FieldErrorList } from '@/components/field-error-list';
import { errorsFor, unclaimedErrors } from '@/lib/field-errors';
import { useI18n } from '@/lib/i18n';
import type { WriteFailure } from '@/lib/write-result';
import { answerInvitation, getInbox } from '../api/inbox';
import type { InboxItem, Invitation, InvitationAnswer } from '../api/types';
import { useLoaded } from '@/lib/use-loaded';
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
  const id = useId();
  // The row follows what the API answered, without reading the whole inbox again.
  const [invitation, setInvitation] = useState<Invitation>(item.invitation);
  const [question, setQuestion] = useState('');
  const [working, setWorking] = useState(false);
  const [answered, setAnswered] = useState(false);
  const [failure, setFailure] = useState<WriteFailure | null>(null);
  const open = item.request.status === 'open';

  async function answer(kind: InvitationAnswer) {
    setAnswered(false);
    // As the API says too: a question needs its text.
    if (kind === 'question' && !question.trim()) {
      const errors = { question: [t('matching.questionNeeded')] };
      setFailure({ kind: 'invalid', errors, problem: null });
      return;
    }
    setWorking(true);
    setFailure(null);
    const result = await answerInvitation(item.request.id, {
      supplierId: invitation.supplierId,
      answer: kind,
      question: kind === 'question' ? question.trim() : null,
    });
    setWorking(false);
    if (result.kind === 'ok') {
      setInvitation(result.data);
      setAnswered(true);
      if (kind === 'question') {
        setQuestion('');
      }
    } else {
      setFailure(result);
    }
  }

  const questionErrors = failure?.kind === 'invalid' ? errorsFor(failure.errors, 'question') : [];
  return (
    <li className="inbox__item card" data-testid="inbox-item" data-request={item.request.id} data-status={invitation.status}>
      <h2>{item.request.request.title}</h2>
      <p>
        <StatusBadge status={item.request.status} /> {t('matching.inboxFor', { name: invitation.supplierNameJa })} —{' '}
        <span data-testid="invitation-status">{t(`matching.invitation.${invitation.status}`)}</span>
      </p>
      {invitation.question && <p className="muted">{t('matching.yourQuestion', { question: invitation.question })}</p>}
      <details>
        <summary>{t('matching.requestDetails')}</summary>
        <RequestSummary saved={item.request} withState={false} />
      </details>
      {failure && <WriteAlert failure={failure} unclaimed={failure.kind === 'invalid' ? unclaimedErrors(failure.errors, ['question']) : []} />}
      {answered && (
        <p className="notice notice--inline" role="status">
          {t('matching.answered')}
        </p>
      )}
      {open && (
        <>
          <div className="form__field">
            <label htmlFor={`${id}-question`}>{t('matching.questionLabel')}</label>
            <textarea
              id={`${id}-question`}
              rows={2}
              value={question}
              aria-invalid={questionErrors.length > 0 || undefined}
              aria-describedby={questionErrors.length > 0 ? `${id}-question-errors` : undefined}
              onChange={(event) => setQuestion(event.target.value)}
            />
            <FieldErrorList id={`${id}-question-errors`} messages={questionErrors} />
          </div>
          <div className="matching__actions">
            {(['interested', 'declined', 'question'] as const).map((kind) => (
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
        </>
      )}
    </li>
  );
}
