import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useUnsavedChanges } from '@/components/unsaved-changes';
import type { FieldErrors } from '@/lib/field-errors';
import { idempotencyKeys } from '@/lib/idempotency';
import { useI18n } from '@/lib/i18n';
import type { WriteFailure } from '@/lib/write-result';
import { createSupplier } from '../api/create-supplier';
import { emptyFacts, factsToInput, type SiteFacts } from '../site-facts';
import { SiteFactsForm } from './site-facts-form';
import './site-editor.css';

type Save = { kind: 'idle' } | { kind: 'saving' } | { kind: 'failed'; failure: WriteFailure; errors: FieldErrors };

/** Registers a new site (a draft, linked to the supplier account), then continues in its editor. */
export function NewSite() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [facts, setFacts] = useState<SiteFacts>(emptyFacts);
  const [save, setSave] = useState<Save>({ kind: 'idle' });
  const [keys] = useState(idempotencyKeys);
  const [untouched] = useState(() => JSON.stringify(emptyFacts()));
  const unsaved = useUnsavedChanges(JSON.stringify(facts) !== untouched);

  async function submit() {
    const parsed = factsToInput(facts, t);
    if ('errors' in parsed) {
      setSave({ kind: 'failed', failure: { kind: 'invalid', errors: parsed.errors, problem: null }, errors: parsed.errors });
      return;
    }
    setSave({ kind: 'saving' });
    const result = await createSupplier(parsed.input, keys.keyFor(parsed.input));
    if (result.kind !== 'unreachable') {
      keys.answered();
    }
    if (result.kind === 'ok') {
      unsaved.allowLeave();
      await navigate(`/suppliers/${result.data.id}/edit`, { replace: true });
    } else {
      setSave({ kind: 'failed', failure: result, errors: result.kind === 'invalid' ? result.errors : {} });
    }
  }

  return (
    <section className="card" aria-labelledby="new-site-heading">
      <h1 id="new-site-heading">{t('mySites.new')}</h1>
      <p className="muted">{t('mySites.newLead')}</p>
      <SiteFactsForm
        facts={facts}
        onChange={setFacts}
        onSubmit={() => void submit()}
        submitting={save.kind === 'saving'}
        submitLabel={t('mySites.create')}
        errors={save.kind === 'failed' ? save.errors : {}}
        failure={save.kind === 'failed' ? save.failure : null}
      />
    </section>
  );
}
