import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorState, LoadingState } from '@/components/async-state';
import { useUnsavedChanges } from '@/components/unsaved-changes';
import type { FieldErrors } from '@/lib/field-errors';
import { idempotencyKeys } from '@/lib/idempotency';
import { useI18n } from '@/lib/i18n';
import { useLoaded } from '@/lib/use-loaded';
import type { WriteFailure, WriteResult } from '@/lib/write-result';
import { getGathering } from '../api/get-gathering';
import { listClusterChoices, type ClusterChoice } from '../api/list-clusters';
import { createGathering, updateGathering } from '../api/save-gathering';
import type { Gathering, GatheringInput } from '../api/types';
import { draftFromGathering, emptyGatheringDraft, gatheringDraftToInput, type GatheringDraft } from '../gathering-draft';
import { GatheringForm } from './gathering-form';
import { GatheringNotFound, isNotFound } from './gathering-not-found';
import { titleOf } from './gathering-title';
import './gatherings.css';

type Outcome = { kind: 'idle' } | { kind: 'busy' } | { kind: 'failed'; failure: WriteFailure; errors: FieldErrors };

function useGatheringSave(save: (input: GatheringInput) => Promise<WriteResult<Gathering>>, draft: GatheringDraft) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [start] = useState(() => JSON.stringify(draft));
  const unsaved = useUnsavedChanges(JSON.stringify(draft) !== start);

  async function submit() {
    const parsed = gatheringDraftToInput(draft, t);
    if ('errors' in parsed) {
      setOutcome({ kind: 'failed', failure: { kind: 'invalid', errors: parsed.errors, problem: null }, errors: parsed.errors });
      return;
    }
    setOutcome({ kind: 'busy' });
    const result = await save(parsed.input);
    if (result.kind === 'ok') {
      unsaved.allowLeave();
      await navigate(`/gatherings/${result.data.id}`);
    } else {
      setOutcome({ kind: 'failed', failure: result, errors: result.kind === 'invalid' ? result.errors : {} });
    }
  }

  return {
    submit,
    busy: outcome.kind === 'busy',
    errors: outcome.kind === 'failed' ? outcome.errors : {},
    failure: outcome.kind === 'failed' ? outcome.failure : null,
  };
}

/** The clusters to choose from; without them (not answered) the form still works, with no cluster to pick. */
function useClusters(): ClusterChoice[] {
  const clusters = useLoaded('gathering-clusters', (signal) => listClusterChoices(signal));
  return clusters.state.kind === 'ready' ? clusters.state.data : [];
}

/** A new gathering, saved as a draft the caller organises; its page follows. */
export function NewGathering() {
  const { t } = useI18n();
  const [draft, setDraft] = useState<GatheringDraft>(emptyGatheringDraft);
  const [keys] = useState(idempotencyKeys);
  const clusters = useClusters();
  const save = useGatheringSave(async (input) => {
    const result = await createGathering(input, keys.keyFor(input));
    if (result.kind !== 'unreachable') {
      keys.answered();
    }
    return result;
  }, draft);

  return (
    <section className="card" aria-labelledby="new-gathering-heading">
      <p>
        <Link to="/gatherings">{t('gatherings.backToList')}</Link>
      </p>
      <h1 id="new-gathering-heading">{t('gatherings.newHeading')}</h1>
      <p className="muted">{t('gatherings.newLead')}</p>
      <GatheringForm
        draft={draft}
        onChange={setDraft}
        onSubmit={() => void save.submit()}
        submitLabel={t('gatherings.form.create')}
        busy={save.busy}
        errors={save.errors}
        failure={save.failure}
        clusters={clusters}
      />
    </section>
  );
}

/** Changes a gathering before it is held; the save names the version the form was filled from (If-Match). */
export function EditGathering({ id }: { id: string }) {
  const gathering = useLoaded(`gathering-${id}`, (signal) => getGathering(id, signal));
  if (gathering.state.kind === 'loading') {
    return <LoadingState />;
  }
  if (gathering.state.kind === 'error') {
    return isNotFound(gathering.state.error) ? <GatheringNotFound /> : <ErrorState error={gathering.state.error} onRetry={gathering.reload} />;
  }
  const loaded = gathering.state.data;
  return <EditGatheringForm key={`${loaded.id}-${loaded.version}`} gathering={loaded} onReload={gathering.reload} />;
}

function EditGatheringForm({ gathering, onReload }: { gathering: Gathering; onReload: () => void }) {
  const { t, language } = useI18n();
  const [draft, setDraft] = useState<GatheringDraft>(() => draftFromGathering(gathering));
  const clusters = useClusters();
  const save = useGatheringSave((input) => updateGathering(gathering.id, gathering.version, input), draft);

  return (
    <section className="card" aria-labelledby="edit-gathering-heading">
      <p>
        <Link to={`/gatherings/${gathering.id}`}>{t('gatherings.backToGathering')}</Link>
      </p>
      <h1 id="edit-gathering-heading">{t('gatherings.editHeading', { title: titleOf(gathering, language) })}</h1>
      <GatheringForm
        draft={draft}
        onChange={setDraft}
        onSubmit={() => void save.submit()}
        submitLabel={t('form.save')}
        busy={save.busy}
        errors={save.errors}
        failure={save.failure}
        clusters={clusters}
        onReload={onReload}
      />
    </section>
  );
}
