import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useUnsavedChanges } from '@/components/unsaved-changes';
import { idempotencyKeys } from '@/lib/idempotency';
import { useI18n } from '@/lib/i18n';
import { createMatchingRequest } from '../api/create-matching-request';
import { useRequestForm } from '../hooks/use-request-form';
import { emptyDraft } from '../request-draft';
import { MatchResults } from './match-results';
import { RequestForm } from './request-form';
import './matching.css';

/** Writes a matching request: "Preview" evaluates it here, "Save draft" stores it and continues on its page. */
export function NewRequest() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const form = useRequestForm(emptyDraft);
  const [keys] = useState(idempotencyKeys);
  const unsaved = useUnsavedChanges(form.changed);

  async function save() {
    const result = await form.save(async (input) => {
      const answer = await createMatchingRequest(input, keys.keyFor(input));
      if (answer.kind !== 'unreachable') {
        keys.answered();
      }
      return answer;
    });
    if (result?.kind === 'ok') {
      unsaved.allowLeave();
      await navigate(`/matching/${result.data.id}`);
    }
  }

  return (
    <div className="matching">
      <section className="card" aria-labelledby="new-request-heading">
        <h1 id="new-request-heading">{t('matching.newHeading')}</h1>
        <p className="muted">{t('matching.newLead')}</p>
        <RequestForm
          draft={form.draft}
          onChange={form.setDraft}
          onPreview={() => void form.preview()}
          onSave={() => void save()}
          busy={form.busy}
          errors={form.errors}
          failure={form.failure}
          stepHeadingLevel={2}
        />
      </section>
      {form.outcome.kind === 'preview' && (
        <div className="card">
          <MatchResults evaluation={form.outcome.evaluation} profilesInNewTab />
        </div>
      )}
    </div>
  );
}
