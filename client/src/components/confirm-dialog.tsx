import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '@/lib/i18n';

/** What a confirmation says: the question naming what will happen, what follows from it, and the button that does it. */
export interface ConfirmRequest {
  /** The question, naming the thing: "「NC旋盤 LB3000」を削除しますか？" */
  title: string;
  /** What follows: whether it can be undone, who is affected. */
  body?: ReactNode;
  /** The button that does it, in words of the action ("削除する"), never "OK". */
  confirmLabel: string;
  cancelLabel?: string;
  /** The action destroys or ends something: its button is drawn as such. */
  danger?: boolean;
}

/**
 * A modal question before an action that cannot be taken back (or only by hand): the native <dialog>, so focus stays
 * inside while it is open, Escape cancels and the page behind is inert. Focus starts on "cancel" — the safe answer —
 * and returns to where it was when the dialog closes.
 */
export function ConfirmDialog({ request, onAnswer }: { request: ConfirmRequest; onAnswer: (confirmed: boolean) => void }) {
  const { t } = useI18n();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) {
      return;
    }
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!element.open) {
      if (typeof element.showModal === 'function') {
        element.showModal();
      } else {
        element.setAttribute('open', '');
      }
    }
    cancel.current?.focus();
    return () => {
      if (element.open && typeof element.close === 'function') {
        element.close();
      }
      before?.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={request.body ? `${id}-body` : undefined}
      data-testid="confirm-dialog"
      // Escape: the browser closes a modal dialog with a cancel event; the answer is no.
      onCancel={(event) => {
        event.preventDefault();
        onAnswer(false);
      }}
    >
      <h2 id={`${id}-title`} className="confirm-dialog__title">
        {request.title}
      </h2>
      {request.body && (
        <div id={`${id}-body`} className="confirm-dialog__body">
          {request.body}
        </div>
      )}
      <div className="confirm-dialog__actions">
        <button ref={cancel} type="button" className="button button--secondary" onClick={() => onAnswer(false)}>
          {request.cancelLabel ?? t('form.cancel')}
        </button>
        <button type="button" className={request.danger ? 'button button--danger' : 'button'} onClick={() => onAnswer(true)}>
          {request.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

/**
 * Asks before an action: `await confirm({...})` is true when the user chose to go on. Render `dialog` somewhere in the
 * component (it is null while nothing is asked).
 */
export function useConfirm(): { confirm: (request: ConfirmRequest) => Promise<boolean>; dialog: ReactNode } {
  const [pending, setPending] = useState<{ request: ConfirmRequest; resolve: (confirmed: boolean) => void; n: number } | null>(
    null,
  );

  // A question still open when the component goes away is answered no.
  const current = useRef(pending);
  current.current = pending;
  useEffect(() => () => current.current?.resolve(false), []);

  const confirm = useCallback(
    (request: ConfirmRequest) =>
      new Promise<boolean>((resolve) => {
        setPending((previous) => {
          previous?.resolve(false);
          return { request, resolve, n: (previous?.n ?? 0) + 1 };
        });
      }),
    [],
  );

  const dialog = pending ? (
    <ConfirmDialog
      key={pending.n}
      request={pending.request}
      onAnswer={(confirmed) => {
        pending.resolve(confirmed);
        setPending(null);
      }}
    />
  ) : null;

  return { confirm, dialog };
}
