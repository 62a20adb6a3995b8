import { useState, type ReactNode } from 'react';
import { ErrorState, LoadingState } from '@/components/async-state';
import { GapAlert } from '@/components/gap-alert';
import { WriteAlert } from '@/components/write-alert';
import { formatNumber, useI18n, joinList } from '@/lib/i18n';
import { useLoaded } from '@/lib/use-loaded';
import type { WriteFailure } from '@/lib/write-result';
import { getConsortium } from '../api/get-consortium';
import { addParticipant } from '../api/themes';
import type { ConsortiumProposal, MatchChain, Theme } from '../api/types';
import { useProcessOf, useStepLabel } from '../viewer';

/**
 * Draws a chain of steps — which site does each step, the legs between them, completeness, the steps nothing covers —
 * on a map; `processOf` gives a step's process label. The app passes matching's chain view here, so that clusters and matching show chains the same way
 * without one feature importing the other.
 */
export type RenderChain = (chain: MatchChain, processOf: (step: number) => string) => ReactNode;

type Adding = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; count: number } | { kind: 'failed'; failure: WriteFailure };

/**
 * A joint order's proposed consortium: the member sites that together cover its steps, per step and on the map, the
 * steps no member covers, and — for the cluster's coordinators — adding the proposed sites as the theme's participants.
 */
export function ConsortiumView({
  clusterId,
  theme,
  manages,
  renderChain,
  onTheme,
}: {
  clusterId: string;
  theme: Theme;
  manages: boolean;
  renderChain?: RenderChain;
  onTheme: (theme: Theme) => void;
}) {
  const { t } = useI18n();
  const [attempt, setAttempt] = useState(0);
  const proposal = useLoaded(`${theme.id}-consortium-${attempt}`, (signal) => getConsortium(clusterId, theme.id, signal));

  return (
    <section className="consortium" aria-label={t('consortium.heading', { title: theme.title })} data-testid="consortium">
      <h4>{t('consortium.heading', { title: theme.title })}</h4>
      {proposal.state.kind === 'loading' && <LoadingState />}
      {proposal.state.kind === 'error' && <ErrorState error={proposal.state.error} onRetry={proposal.reload} />}
      {proposal.state.kind === 'ready' && (
        <Proposal
          clusterId={clusterId}
          theme={theme}
          proposal={proposal.state.data}
          manages={manages}
          renderChain={renderChain}
          onTheme={onTheme}
          onRefresh={() => setAttempt((n) => n + 1)}
        />
      )}
    </section>
  );
}

function Proposal({
  clusterId,
  theme,
  proposal,
  manages,
  renderChain,
  onTheme,
  onRefresh,
}: {
  clusterId: string;
  theme: Theme;
  proposal: ConsortiumProposal;
  manages: boolean;
  renderChain?: RenderChain;
  onTheme: (theme: Theme) => void;
  onRefresh: () => void;
}) {
  const { t, language } = useI18n();
  const stepLabel = useStepLabel(proposal.steps);
  const processOf = useProcessOf(proposal.steps);
  const [adding, setAdding] = useState<Adding>({ kind: 'idle' });
  const chain = proposal.chain;

  // The proposed sites, each with the steps it would do, in the order of their first step.
  const sites: { supplierId: string; nameJa: string; steps: number[] }[] = [];
  for (const assignment of chain.steps) {
    if (!assignment.supplierId) {
      continue;
    }
    const site = sites.find((s) => s.supplierId === assignment.supplierId);
    if (site) {
      site.steps.push(assignment.step);
    } else {
      sites.push({ supplierId: assignment.supplierId, nameJa: assignment.nameJa ?? assignment.supplierId, steps: [assignment.step] });
    }
  }
  const participants = new Set(theme.participants.map((p) => p.supplierId));
  const missing = sites.filter((site) => !participants.has(site.supplierId));
  const open = theme.status === 'proposed' || theme.status === 'active';

  async function addAll() {
    setAdding({ kind: 'busy' });
    let count = 0;
    for (const site of missing) {
      const result = await addParticipant(clusterId, theme.id, site.supplierId);
      if (result.kind !== 'ok') {
        setAdding({ kind: 'failed', failure: result });
        return;
      }
      count += 1;
      onTheme(result.data);
    }
    setAdding({ kind: 'done', count });
  }

  return (
    <>
      {chain.gaps.length > 0 ? (
        <GapAlert
          title={t('consortium.gapsHeading', { count: chain.gaps.length })}
          items={chain.gaps.map((step) => ({ key: String(step), text: stepLabel(step) }))}
          testId="consortium-gaps"
        />
      ) : (
        <p className="notice" data-testid="consortium-complete">
          {t('consortium.complete')}
        </p>
      )}
      <p data-testid="consortium-completeness">
        {t('consortium.summary', {
          pct: formatNumber(chain.completeness * 100, language, 0),
          firms: chain.firms,
          km: formatNumber(chain.totalKm, language),
        })}
      </p>
      {renderChain?.(chain, processOf)}
      {sites.length > 0 && (
        <>
          <h5>{t('consortium.sites')}</h5>
          <ul className="plain-list consortium__sites" data-testid="consortium-sites">
            {sites.map((site) => (
              <li key={site.supplierId} data-testid="consortium-site">
                <strong>{site.nameJa}</strong>: {joinList(site.steps.map(stepLabel), language)}
                {participants.has(site.supplierId) && <span className="badge badge--on">{t('consortium.participant')}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {adding.kind === 'failed' && <WriteAlert failure={adding.failure} />}
      {adding.kind === 'done' && (
        <p className="notice" role="status" data-testid="consortium-added">
          {t('consortium.added', { count: adding.count })}
        </p>
      )}
      <div className="clusters__actions">
        {manages && open && missing.length > 0 && (
          <button type="button" className="button" disabled={adding.kind === 'busy'} onClick={() => void addAll()}>
            {t('consortium.addParticipants', { count: missing.length })}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={onRefresh} disabled={adding.kind === 'busy'}>
          {t('consortium.refresh')}
        </button>
      </div>
    </>
  );
}
