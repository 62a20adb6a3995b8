import { useUnsavedChanges } from '@/components/unsaved-changes';
import { useI18n } from '@/lib/i18n';
import { updateMatchingRequest } from '../api/update-matching-request';
import type { MatchingRequest } from '../api/types';
import { useRequestForm } from '../hooks/use-request-form';
import { inputToDraft } from '../request-draft';
import { MatchResults } from './match-results';
import { RequestForm } from './request-form';

export interface EditRequestProps {
  /** The draft as last read; the form is filled from it and its version goes as If-Match. */
  saved: MatchingRequest;
  onSaved: (request: MatchingRequest) => void;
  onCancel: () => void;
  /** The API answered 412: someone changed the draft since it was read. */
  onStale: () => void;
  /** The form was filled afresh after a 412: say so above it. */
  reloaded: boolean;
}

/**
 * Changes a draft: the request form filled from the saved request, saved with PUT and If-Match. A preview evaluates
 * the changed request here without saving it.
 */
export function EditRequest({ saved, onSaved, onCancel, onStale, reloaded }: EditRequestProps) {
  const { t } = useI18n();
  const form = useRequestForm(() => inputToDraft(saved.request));
  const unsaved = useUnsavedChanges(form.changed);

  async function save() {
    const result = await form.save((input) => updateMatchingRequest(saved.id, saved.version, input));
    if (result?.kind === 'ok') {
      unsaved.allowLeave();
      onSaved(result.data);
    } else if (result?.kind === 'stale') {
      onStale();
    }
  }

  return (
    <>
      <section className="card" aria-labelledby="edit-request-heading">
        <h2 id="edit-request-heading">{t('matching.editHeading')}</h2>
        <RequestForm
          draft={form.draft}
          onChange={form.setDraft}
          onPreview={() => void form.preview()}
          onSave={() => void save()}
          busy={form.busy}
          errors={form.errors}
          failure={form.failure}
          saveLabel={t('matching.saveChanges')}
          onCancel={onCancel}
          notice={reloaded ? t('matching.editStale') : null}
        />
      </section>
      {form.outcome.kind === 'preview' && (
        <div className="card">
          <MatchResults evaluation={form.outcome.evaluation} />
        </div>
      )}
    </>
  );
}
