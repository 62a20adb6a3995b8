import { useId, useState } from 'react';
import { EmptyState, ErrorState, LoadingState } from '@/components/async-state';
import { WriteAlert } from '@/components/write-alert';
import { FieldErrorList } from '@/components/field-error-list';
import { errorsFor } from '@/lib/field-errors';
import { useI18n } from '@/lib/i18n';
import type { WriteFailure } from '@/lib/write-result';
import { answerInvitation, getInbox } from '../api/inbox';
import type { InboxItem, InvitationAnswer } from '../api/types';
import { useLoaded } from '@/lib/use-loaded';
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
            <InboxEntry key={`${item.request.id}-${item.invitation.supplierId}`} item={item} onAnswered={inbox.reload} />
          ))}
        </ul>
      )}
    </section>
  );
}

function InboxEntry({ item, onAnswered }: { item: InboxItem; onAnswered: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [question, setQuestion] = useState('');
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<WriteFailure | null>(null);
  const open = item.request.status === 'open';

  async function answer(kind: InvitationAnswer) {
    setWorking(true);
    setFailure(null);
    const result = await answerInvitation(item.request.id, {
      supplierId: item.invitation.supplierId,
      answer: kind,
      question: kind === 'question' ? question : null,
    });
    setWorking(false);
    if (result.kind === 'ok') {
      onAnswered();
    } else {
      setFailure(result);
    }
  }

  const questionErrors = failure?.kind === 'invalid' ? errorsFor(failure.errors, 'question') : [];
  return (
    <li className="inbox__item card" data-testid="inbox-item">
      <h2>{item.request.request.title}</h2>
      <p>
        <StatusBadge status={item.request.status} /> {t('matching.inboxFor', { name: item.invitation.supplierNameJa })} —{' '}
        {t(`matching.invitation.${item.invitation.status}`)}
      </p>
      {failure && <WriteAlert failure={failure} />}
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
