import { useId, useState, type FormEvent } from 'react';
import { EmptyState, ErrorState, LoadingState } from '@/components/async-state';
import { FieldErrorList } from '@/components/field-error-list';
import { WriteAlert } from '@/components/write-alert';
import { errorsFor, unclaimedErrors } from '@/lib/field-errors';
import { formatDateTime, useI18n } from '@/lib/i18n';
import { useLoaded } from '@/lib/use-loaded';
import type { WriteFailure, WriteResult } from '@/lib/write-result';
import { listMessages, postMessage } from '../api/messages';
import type { InvitationMessage, MessageAuthor } from '../api/types';

export interface InvitationThreadProps {
  requestId: string;
  supplierId: string;
  /** The invited site's name, for the messages it wrote. */
  supplierName: string;
  /** Which side the reader is on: their own messages say "you". */
  viewer: MessageAuthor;
  /** Whether the reader may write now (the request is open or closed, and the reader is a party). */
  canWrite: boolean;
  /**
   * How the site's first message is sent: as its `question` answer to the invitation, which the thread then shows.
   * Without it (or once the thread has messages) a message is posted to the thread.
   */
  ask?: (text: string) => Promise<WriteResult<unknown>>;
}

/**
 * The thread between the buyer and one invited site, oldest first, with a form to write: the site asks about the job,
 * the buyer answers, either writes again. Coordinators read it without the form.
 */
export function InvitationThread({ requestId, supplierId, supplierName, viewer, canWrite, ask }: InvitationThreadProps) {
  const { t, language } = useI18n();
  const id = useId();
  const thread = useLoaded(`${requestId}-${supplierId}-thread`, (signal) => listMessages(requestId, supplierId, signal));
  const [text, setText] = useState('');
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<WriteFailure | null>(null);
  const messages: readonly InvitationMessage[] = thread.state.kind === 'ready' ? thread.state.data : [];
  // The site's first word is its question (an answer to the invitation); after that, messages.
  const asking = ask !== undefined && thread.state.kind === 'ready' && messages.length === 0;

  const who = (author: MessageAuthor) => {
    const side = author === 'buyer' ? t('matching.thread.buyer') : supplierName;
    return author === viewer ? t('matching.thread.you', { who: side }) : side;
  };

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) {
      setFailure({ kind: 'invalid', errors: { text: [t(asking ? 'matching.questionNeeded' : 'matching.thread.needed')] }, problem: null });
      return;
    }
    setWorking(true);
    setFailure(null);
    const result = asking && ask ? await ask(text.trim()) : await postMessage(requestId, supplierId, text);
    setWorking(false);
    if (result.kind !== 'ok') {
      setFailure(result);
      return;
    }
    setText('');
    if (!asking && result.kind === 'ok' && thread.state.kind === 'ready') {
      thread.replace([...messages, result.data as InvitationMessage]);
    } else {
      thread.reload();
    }
  }

  const fieldMessages =
    failure?.kind === 'invalid' ? [...errorsFor(failure.errors, 'text'), ...errorsFor(failure.errors, 'question')] : [];
  return (
    <section className="thread" data-testid="thread" data-supplier={supplierId} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="thread__heading">
        {viewer === 'supplier' ? t('matching.thread.headingSupplier') : t('matching.thread.headingBuyer', { name: supplierName })}
      </h3>
      {thread.state.kind === 'loading' && <LoadingState />}
      {thread.state.kind === 'error' && <ErrorState error={thread.state.error} onRetry={thread.reload} />}
      {thread.state.kind === 'ready' && messages.length === 0 && <EmptyState>{t('matching.thread.none')}</EmptyState>}
      {messages.length > 0 && (
        <ol className="thread__messages">
          {messages.map((message) => (
            <li
              key={message.id}
              className={message.author === viewer ? 'thread__message thread__message--own' : 'thread__message'}
              data-testid="thread-message"
              data-author={message.author}
            >
              <p className="thread__meta">
                <strong>{who(message.author)}</strong>{' '}
                <time dateTime={message.postedAt}>{formatDateTime(message.postedAt, language)}</time>
              </p>
              <p className="thread__text">{message.text}</p>
            </li>
          ))}
        </ol>
      )}
      {failure && (
        <WriteAlert failure={failure} unclaimed={failure.kind === 'invalid' ? unclaimedErrors(failure.errors, ['text', 'question']) : []} />
      )}
      {canWrite && thread.state.kind === 'ready' && (
        <form className="thread__form" onSubmit={(event) => void send(event)} noValidate>
          <div className="form__field">
            <label htmlFor={`${id}-text`}>{asking ? t('matching.questionLabel') : t('matching.thread.label')}</label>
            <textarea
              id={`${id}-text`}
              rows={3}
              maxLength={2000}
              value={text}
              aria-invalid={fieldMessages.length > 0 || undefined}
              aria-describedby={fieldMessages.length > 0 ? `${id}-text-errors` : undefined}
              onChange={(event) => setText(event.target.value)}
            />
            <FieldErrorList id={`${id}-text-errors`} messages={fieldMessages} />
          </div>
          <button type="submit" className="button button--secondary" disabled={working}>
            {asking ? t('matching.answer.question') : t('matching.thread.send')}
          </button>
        </form>
      )}
    </section>
  );
}
