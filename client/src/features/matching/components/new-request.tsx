import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { FieldErrors } from '@/lib/field-errors';
import { idempotencyKeys } from '@/lib/idempotency';
import { useI18n } from '@/lib/i18n';
import type { WriteFailure } from '@/lib/write-result';
import { createMatchingRequest } from '../api/create-matching-request';
import { previewMatching } from '../api/preview-matching';
import type { MatchEvaluation } from '../api/types';
import { draftToInput, emptyDraft, type RequestDraft } from '../request-draft';
import { MatchResults } from './match-results';
import { RequestForm } from './request-form';
import './matching.css';

type Busy = 'preview' | 'save' | null;
type Outcome = { kind: 'none' } | { kind: 'failed'; failure: WriteFailure; errors: FieldErrors } | { kind: 'preview'; evaluation: MatchEvaluation };

/** Writes a matching request: "Preview" evaluates it here, "Save draft" stores it and continues on its page. */
export function NewRequest() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<RequestDraft>(emptyDraft);
  const [busy, setBusy] = useState<Busy>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [keys] = useState(idempotencyKeys);

  function parse() {
    const parsed = draftToInput(draft, t);
    if ('errors' in parsed) {
      setOutcome({ kind: 'failed', failure: { kind: 'invalid', errors: parsed.errors, problem: null }, errors: parsed.errors });
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
    setOutcome(
      result.kind === 'ok'
        ? { kind: 'preview', evaluation: result.data }
        : { kind: 'failed', failure: result, errors: result.kind === 'invalid' ? result.errors : {} },
    );
  }

  async function save() {
    const input = parse();
    if (!input) {
      return;
    }
    setBusy('save');
    const result = await createMatchingRequest(input, keys.keyFor(input));
    if (result.kind !== 'unreachable') {
      keys.answered();
    }
    setBusy(null);
    if (result.kind === 'ok') {
      await navigate(`/matching/${result.data.id}`);
    } else {
      setOutcome({ kind: 'failed', failure: result, errors: result.kind === 'invalid' ? result.errors : {} });
    }
  }

  return (
    <div className="matching">
      <section className="card" aria-labelledby="new-request-heading">
        <h1 id="new-request-heading">{t('matching.newHeading')}</h1>
        <p className="muted">{t('matching.newLead')}</p>
        <RequestForm
          draft={draft}
          onChange={setDraft}
          onPreview={() => void preview()}
          onSave={() => void save()}
          busy={busy}
          errors={outcome.kind === 'failed' ? outcome.errors : {}}
          failure={outcome.kind === 'failed' ? outcome.failure : null}
        />
      </section>
      {outcome.kind === 'preview' && (
        <div className="card">
          <MatchResults evaluation={outcome.evaluation} />
        </div>
      )}
    </div>
  );
}
