import { useId, useState, type FormEvent } from 'react';
import { EmptyState, ErrorState } from '@/components/async-state';
import { WriteAlert } from '@/components/write-alert';
import type { SupplierSummary } from '@/lib/api/suppliers';
import { useI18n } from '@/lib/i18n';
import { useMunicipalityNames } from '@/lib/places';
import type { WriteFailure } from '@/lib/write-result';
import { joinCluster } from '../api/members';
import { searchSites } from '../api/search-sites';
import type { Cluster } from '../api/types';
import { useStepLabel } from '../viewer';

type Found = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; sites: SupplierSummary[] } | { kind: 'error'; error: unknown };

/** The cluster's coordinators find a published site by name (and a step's process) and add it as a member at once. */
export function AddSiteForm({ cluster, onAdded }: { cluster: Cluster; onAdded: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const stepLabel = useStepLabel(cluster.valueChain);
  const [q, setQ] = useState('');
  const [step, setStep] = useState('');
  const [found, setFound] = useState<Found>({ kind: 'idle' });
  const nameOf = useMunicipalityNames(found.kind === 'ready' ? found.sites.map((site) => site.municipalityCode) : []);
  const [adding, setAdding] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [failure, setFailure] = useState<WriteFailure | null>(null);

  async function search(event: FormEvent) {
    event.preventDefault();
    setFound({ kind: 'loading' });
    try {
      const process = step === '' ? undefined : cluster.valueChain[Number(step)];
      setFound({ kind: 'ready', sites: await searchSites(q.trim(), process) });
    } catch (error) {
      setFound({ kind: 'error', error });
    }
  }

  async function add(site: SupplierSummary) {
    setAdding(site.id);
    setFailure(null);
    const result = await joinCluster(cluster.id, site.id);
    setAdding(null);
    if (result.kind === 'ok') {
      setAdded(site.nameJa);
      onAdded();
    } else {
      setFailure(result);
    }
  }

  return (
    <form className="form clusters__subform" aria-label={t('clusters.addSiteLabel')} onSubmit={(event) => void search(event)} noValidate>
      <h3>{t('clusters.addSiteHeading')}</h3>
      <div className="cluster-form__grid">
        <div className="form__field">
          <label htmlFor={`${id}-q`}>{t('clusters.addSiteQuery')}</label>
          <input id={`${id}-q`} type="search" value={q} onChange={(event) => setQ(event.target.value)} />
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-step`}>{t('clusters.addSiteStep')}</label>
          <select id={`${id}-step`} value={step} onChange={(event) => setStep(event.target.value)}>
            <option value="">{t('clusters.anyStep')}</option>
            {cluster.valueChain.map((_, i) => (
              <option key={i} value={String(i)}>
                {stepLabel(i)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--secondary" disabled={found.kind === 'loading'}>
          {t('clusters.addSiteSearch')}
        </button>
      </div>
      {failure && <WriteAlert failure={failure} />}
      {added && (
        <p className="notice" role="status">
          {t('clusters.siteAdded', { name: added })}
        </p>
      )}
      {found.kind === 'error' && <ErrorState error={found.error} />}
      {found.kind === 'ready' && found.sites.length === 0 && <EmptyState>{t('clusters.addSiteNone')}</EmptyState>}
      {found.kind === 'ready' && found.sites.length > 0 && (
        <ul className="plain-list clusters__found" data-testid="found-sites">
          {found.sites.map((site) => (
            <li key={site.id}>
              <span>{site.nameJa}</span>{' '}
              {site.municipalityCode && <span className="muted" title={site.municipalityCode}>{nameOf(site.municipalityCode) ?? site.municipalityCode}</span>}{' '}
              <button
                type="button"
                className="button button--small"
                disabled={adding !== null}
                onClick={() => void add(site)}
                aria-label={t('clusters.addSiteOf', { name: site.nameJa })}
              >
                {t('clusters.addSite')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
