import { useEffect, useRef } from 'react';
import { focusFirstError } from '@/lib/focus-first-error';
import type { WriteFailure } from '@/lib/write-result';
import { WriteAlert } from './write-alert';

/**
 * Why a save did not go through, shown next to the form's buttons (where the user is), announced (role=alert), and
 * each time a save fails: focus moves to the first field with a message (its label and message are read out), or to
 * this alert when no field has one. `scope` is the selector of the element whose fields count (default: the form).
 */
export function FormAlert({
  failure,
  unclaimed,
  onReload,
  scope = 'form',
}: {
  failure: WriteFailure;
  unclaimed?: readonly string[];
  onReload?: () => void;
  scope?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);

  // A new failure object is a new attempt: focus moves again even when the messages are the same as last time.
  useEffect(() => {
    const alert = ref.current;
    if (!alert) {
      return;
    }
    const root = alert.closest<HTMLElement>(scope) ?? alert.parentElement;
    if (!root || !focusFirstError(root)) {
      alert.focus();
      alert.scrollIntoView?.({ block: 'center' });
    }
  }, [failure, scope]);

  return <WriteAlert ref={ref} failure={failure} unclaimed={unclaimed} onReload={onReload} />;
}
