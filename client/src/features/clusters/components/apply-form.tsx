import { useEffect, useId, useState, type FormEvent } from 'react';
import { FieldErrorList } from '@/components/field-error-list';
import { FormAlert } from '@/components/form-alert';
import { errorsFor } from '@/lib/field-errors';
import { useI18n } from '@/lib/i18n';
import { useLoaded } from '@/lib/use-loaded';
import type { WriteFailure } from '@/lib/write-result';
import { joinCluster } from '../api/members';
import { getMySites, type MySite } from '../api/my-sites';
import type { Cluster, ClusterMember } from '../api/types';

type Outcome = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; member: ClusterMember } | { kind: 'failed'; failure: WriteFailure };

/**
 * A supplier account applies to the cluster with one of its own published sites (the sites of /auth/me, as "my
 * sites" finds them). Its coordinators accept the application; until then only they see it.
 */
export function ApplyForm({
  cluster,
  members,
  onSites,
  onApplied,
}: {
  cluster: Cluster;
  members: readonly ClusterMember[];
  onSites: (sites: readonly MySite[]) => void;
  onApplied: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const sites = useLoaded('my-sites', (signal) => getMySites(signal));
  const [supplierId, setSupplierId] = useState('');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const loaded = sites.state.kind === 'ready' ? sites.state.data : null;
  useEffect(() => {
    if (loaded) {
      onSites(loaded);
    }
  }, [loaded]);

  if (!loaded || loaded.length === 0) {
    return null;
  }
  const memberIds = new Set(members.filter((m) => m.status === 'member').map((m) => m.supplierId));
  const choices = loaded.filter((site) => site.published && !memberIds.has(site.id));
  const chosen = choices.some((site) => site.id === supplierId) ? supplierId : (choices[0]?.id ?? '');
  const errors = outcome.kind === 'failed' && outcome.failure.kind === 'invalid' ? outcome.failure.errors : {};
  const siteMessages = errorsFor(errors, 'supplierId');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) {
      return;
    }
    setOutcome({ kind: 'busy' });
    const result = await joinCluster(cluster.id, chosen, note.trim());
    if (result.kind === 'ok') {
      setOutcome({ kind: 'done', member: result.data });
      setNote('');
      onApplied();
    } else {
      setOutcome({ kind: 'failed', failure: result });
    }
  }

  return (
    <form className="form clusters__subform" aria-label={t('clusters.applyLabel')} onSubmit={(event) => void submit(event)} noValidate>
      <h3>{t('clusters.applyHeading')}</h3>
      {choices.length === 0 ? (
        <p className="muted" data-testid="apply-none">
          {t('clusters.applyNoSites')}
        </p>
      ) : (
        <>
          <p className="muted">{t('clusters.applyLead')}</p>
          {outcome.kind === 'done' && (
            <p className="notice" role="status" data-testid="apply-result">
              {outcome.member.status === 'member'
                ? t('clusters.applyAlreadyMember', { name: outcome.member.nameJa })
                : t('clusters.applied', { name: outcome.member.nameJa })}
            </p>
          )}
          <div className="cluster-form__grid">
            <div className="form__field">
              <label htmlFor={`${id}-site`}>{t('clusters.applySite')}</label>
              <select
                id={`${id}-site`}
                value={chosen}
                aria-invalid={siteMessages.length > 0 || undefined}
                aria-describedby={siteMessages.length > 0 ? `${id}-site-errors` : undefined}
                onChange={(event) => setSupplierId(event.target.value)}
              >
                {choices.map((site) => (
                  <option key={site.id} value={site.id}>
                    {site.nameJa}
                  </option>
                ))}
              </select>
              <FieldErrorList id={`${id}-site-errors`} messages={siteMessages} />
            </div>
            <div className="form__field">
              <label htmlFor={`${id}-note`}>{t('clusters.applyNote')}</label>
              <input id={`${id}-note`} type="text" value={note} maxLength={1000} onChange={(event) => setNote(event.target.value)} />
            </div>
          </div>
          {outcome.kind === 'failed' && <FormAlert failure={outcome.failure} />}
          <div className="form__actions">
            <button type="submit" className="button" disabled={outcome.kind === 'busy'}>
              {t('clusters.apply')}
            </button>
          </div>
        </>
      )}
    </form>
  );
}
