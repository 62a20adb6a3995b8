import { useState } from 'react';
import type { FieldErrors } from '@/lib/field-errors';
import { useI18n } from '@/lib/i18n';
import type { WriteFailure, WriteResult } from '@/lib/write-result';
import { previewMatching } from '../api/preview-matching';
import type { MatchEvaluation, MatchingRequestInput } from '../api/types';
import { draftToInput, type RequestDraft } from '../request-draft';

export type Busy = 'preview' | 'save' | null;
export type Outcome =
  | { kind: 'none' }
  | { kind: 'failed'; failure: WriteFailure; errors: FieldErrors }
  | { kind: 'preview'; evaluation: MatchEvaluation };

/**
 * The state of a request form (a new request or a draft being changed): the draft, what is in flight, and what the
 * last preview or save came to. Both first check the draft here (draftToInput); nothing is sent while it has errors.
 */
export function useRequestForm(initial: () => RequestDraft) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<RequestDraft>(initial);
  // The draft as it started: the form holds unsaved changes while it differs (the page warns before leaving).
  const [start] = useState(() => JSON.stringify(draft));
  const [busy, setBusy] = useState<Busy>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });

  function fail(failure: WriteFailure) {
    setOutcome({ kind: 'failed', failure, errors: failure.kind === 'invalid' ? failure.errors : {} });
  }

  function parse(): MatchingRequestInput | null {
    const parsed = draftToInput(draft, t);
    if ('errors' in parsed) {
      fail({ kind: 'invalid', errors: parsed.errors, problem: null });
      return null;
    }
    return parsed.input;
  }

  async function preview() {
    const input = parse();
    if (!input) {
      return;
    }
    setBusy('preview');
    const result = await previewMatching(input);
    setBusy(null);
    if (result.kind === 'ok') {
      setOutcome({ kind: 'preview', evaluation: result.data });
    } else {
      fail(result);
    }
  }

  /** Sends the draft with `send`; a failure is shown with the form. Null when the draft did not get that far. */
  async function save<T>(send: (input: MatchingRequestInput) => Promise<WriteResult<T>>): Promise<WriteResult<T> | null> {
    const input = parse();
    if (!input) {
      return null;
    }
    setBusy('save');
    const result = await send(input);
    setBusy(null);
    if (result.kind !== 'ok') {
      fail(result);
    }
    return result;
  }

  return {
    draft,
    setDraft,
    /** The draft differs from what the form started with. */
    changed: JSON.stringify(draft) !== start,
    busy,
    outcome,
    preview,
    save,
    /** Forgets the last outcome (e.g. after the draft was replaced by a fresh copy). */
    reset: () => setOutcome({ kind: 'none' }),
    errors: outcome.kind === 'failed' ? outcome.errors : {},
    failure: outcome.kind === 'failed' ? outcome.failure : null,
  };
}
