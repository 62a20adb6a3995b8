import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorState, LoadingState } from '@/components/async-state';
import { useUnsavedChanges } from '@/components/unsaved-changes';
import type { FieldErrors } from '@/lib/field-errors';
import { idempotencyKeys } from '@/lib/idempotency';
import { useI18n } from '@/lib/i18n';
import { useLoaded } from '@/lib/use-loaded';
import type { WriteFailure, WriteResult } from '@/lib/write-result';
import { getCluster } from '../api/get-cluster';
import { createCluster, updateCluster } from '../api/save-cluster';
import type { Cluster, ClusterInput } from '../api/types';
import { clusterDraftToInput, draftFromCluster, emptyClusterDraft, type ClusterDraft } from '../cluster-draft';
import { ClusterForm } from './cluster-form';
import { ClusterNotFound, isNotFound } from './cluster-page';
import './clusters.css';

type Outcome = { kind: 'idle' } | { kind: 'busy' } | { kind: 'failed'; failure: WriteFailure; errors: FieldErrors };

function useClusterSave(save: (input: ClusterInput) => Promise<WriteResult<Cluster>>, draft: ClusterDraft) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  // The form holds unsaved changes while the draft differs from what it was filled with.
  const [start] = useState(() => JSON.stringify(draft));
  const unsaved = useUnsavedChanges(JSON.stringify(draft) !== start);

  async function submit() {
    const parsed = clusterDraftToInput(draft, t);
    if ('errors' in parsed) {
      setOutcome({ kind: 'failed', failure: { kind: 'invalid', errors: parsed.errors, problem: null }, errors: parsed.errors });
      return;
    }
    setOutcome({ kind: 'busy' });
    const result = await save(parsed.input);
    if (result.kind === 'ok') {
      unsaved.allowLeave();
      await navigate(`/clusters/${result.data.id}`);
    } else {
      setOutcome({ kind: 'failed', failure: result, errors: result.kind === 'invalid' ? result.errors : {} });
    }
  }

  return {
    submit,
    busy: outcome.kind === 'busy',
    errors: outcome.kind === 'failed' ? outcome.errors : {},
    failure: outcome.kind === 'failed' ? outcome.failure : null,
    reset: () => setOutcome({ kind: 'idle' }),
  };
}

/** A new cluster, saved as a draft; its page follows. */
export function NewCluster() {
  const { t } = useI18n();
  const [draft, setDraft] = useState<ClusterDraft>(emptyClusterDraft);
  const [keys] = useState(idempotencyKeys);
  const save = useClusterSave(async (input) => {
    const result = await createCluster(input, keys.keyFor(input));
    if (result.kind !== 'unreachable') {
      keys.answered();
    }
    return result;
  }, draft);

  return (
    <section className="card" aria-labelledby="new-cluster-heading">
      <h1 id="new-cluster-heading">{t('clusters.newHeading')}</h1>
      <p className="muted">{t('clusters.newLead')}</p>
      <ClusterForm
        draft={draft}
        onChange={setDraft}
        onSubmit={() => void save.submit()}
        submitLabel={t('clusters.form.create')}
        busy={save.busy}
        errors={save.errors}
        failure={save.failure}
      />
    </section>
  );
}

/** Changes a cluster; the save sends If-Match with the version the form was filled from, so another's change meanwhile is a 412. */
export function EditCluster({ id }: { id: string }) {
  const cluster = useLoaded(id, (signal) => getCluster(id, signal));
  if (cluster.state.kind === 'loading') {
    return <LoadingState />;
  }
  if (cluster.state.kind === 'error') {
    return isNotFound(cluster.state.error) ? (
      <ClusterNotFound />
    ) : (
      <ErrorState error={cluster.state.error} onRetry={cluster.reload} />
    );
  }
  const loaded = cluster.state.data;
  // A reload is a new form, filled from what the API has now.
  return <EditClusterForm key={`${loaded.id}-${loaded.version}`} cluster={loaded} onReload={cluster.reload} />;
}

function EditClusterForm({ cluster, onReload }: { cluster: Cluster; onReload: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<ClusterDraft>(() => draftFromCluster(cluster));
  const save = useClusterSave((input) => updateCluster(cluster.id, cluster.version, input), draft);

  return (
    <section className="card" aria-labelledby="edit-cluster-heading">
      <h1 id="edit-cluster-heading">{t('clusters.editHeading', { name: cluster.nameJa })}</h1>
      <p>
        <Link to={`/clusters/${cluster.id}`}>{t('clusters.backToCluster')}</Link>
      </p>
      <ClusterForm
        draft={draft}
        onChange={setDraft}
        onSubmit={() => void save.submit()}
        submitLabel={t('form.save')}
        busy={save.busy}
        errors={save.errors}
        failure={save.failure}
        onReload={() => {
          save.reset();
          onReload();
        }}
      />
    </section>
  );
}
