import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '@/components/async-state';
import { loginPath } from '@/lib/auth';
import type { FieldErrors } from '@/lib/field-errors';
import { idempotencyKeys } from '@/lib/idempotency';
import { useI18n } from '@/lib/i18n';
import { useLoaded } from '@/lib/use-loaded';
import type { WriteFailure } from '@/lib/write-result';
import { listMembers } from '../api/members';
import { getMySiteIds } from '../api/my-sites';
import { proposeTheme } from '../api/theme-proposals';
import { createTheme, listThemes } from '../api/themes';
import type { Cluster, ClusterMember, Theme } from '../api/types';
import { emptyProposalDraft, emptyThemeDraft, proposalDraftToInput, themeDraftToInput, type ProposalDraft, type ThemeDraft } from '../cluster-draft';
import type { ClusterViewer } from '../viewer';
import type { RenderChain } from './consortium-view';
import { ThemeCard } from './theme-card';
import { ProposalForm } from './proposal-form';
import { ThemeForm } from './theme-form';

type Save = { kind: 'idle' } | { kind: 'busy' } | { kind: 'failed'; failure: WriteFailure; errors: FieldErrors };

const noContext: [string[], ClusterMember[]] = [[], []];

/**
 * The cluster's co-creation themes (for signed-in readers). Its coordinators propose new ones; a supplier account whose
 * site is a member proposes one too, inviting other members as partners.
 */
export function ThemesSection({ cluster, viewer, renderChain }: { cluster: Cluster; viewer: ClusterViewer; renderChain?: RenderChain }) {
  const { t } = useI18n();
  const location = useLocation();
  return (
    <section className="card" aria-labelledby="themes-heading" data-testid="cluster-themes">
      <h2 id="themes-heading">{t('themes.heading')}</h2>
      {viewer.signedIn ? (
        <Themes cluster={cluster} viewer={viewer} renderChain={renderChain} />
      ) : (
        <p className="muted" data-testid="themes-sign-in">
          {t('themes.signInToSee')} <Link to={loginPath(location.pathname)}>{t('auth.signIn')}</Link>
        </p>
      )}
    </section>
  );
}

function Themes({ cluster, viewer, renderChain }: { cluster: Cluster; viewer: ClusterViewer; renderChain?: RenderChain }) {
  const { t } = useI18n();
  const themes = useLoaded(`${cluster.id}-themes`, (signal) => listThemes(cluster.id, signal));
  const [draft, setDraft] = useState<ThemeDraft | null>(null);
  const [save, setSave] = useState<Save>({ kind: 'idle' });
  const [keys] = useState(idempotencyKeys);
  // Who the reader acts for, and the members: a member site's accounts propose, answer invitations and revise.
  const context = useLoaded(`${cluster.id}-theme-context-${viewer.userId}`, (signal) =>
    viewer.coordinator ? Promise.resolve(noContext) : Promise.all([getMySiteIds(signal), listMembers(cluster.id, signal)]),
  );
  const [siteIds, members] = context.state.kind === 'ready' ? context.state.data : noContext;
  const mySiteIds = new Set(siteIds);
  const ownMembers = members.filter((m) => m.status === 'member' && mySiteIds.has(m.supplierId));
  const [proposal, setProposal] = useState<ProposalDraft | null>(null);

  const list = themes.state.kind === 'ready' ? themes.state.data : [];
  const put = (theme: Theme) => themes.replace(list.some((x) => x.id === theme.id) ? list.map((x) => (x.id === theme.id ? theme : x)) : [...list, theme]);

  async function submit(current: ThemeDraft) {
    const input = themeDraftToInput(current);
    setSave({ kind: 'busy' });
    const result = await createTheme(cluster.id, input, keys.keyFor(input));
    if (result.kind !== 'unreachable') {
      keys.answered();
    }
    if (result.kind === 'ok') {
      put(result.data);
      setDraft(null);
      setSave({ kind: 'idle' });
    } else {
      setSave({ kind: 'failed', failure: result, errors: result.kind === 'invalid' ? result.errors : {} });
    }
  }

  async function propose(current: ProposalDraft) {
    setSave({ kind: 'busy' });
    const result = await proposeTheme(cluster.id, proposalDraftToInput(current));
    if (result.kind === 'ok') {
      put(result.data);
      setProposal(null);
      setSave({ kind: 'idle' });
    } else {
      setSave({ kind: 'failed', failure: result, errors: result.kind === 'invalid' ? result.errors : {} });
    }
  }

  const closeProposal = () => {
    setProposal(null);
    setSave({ kind: 'idle' });
  };

  return (
    <>
      {ownMembers.length > 0 && cluster.status === 'published' && !proposal && (
        <p>
          <button type="button" className="button" onClick={() => setProposal(emptyProposalDraft(ownMembers[0]!.supplierId))}>
            {t('themes.propose')}
          </button>
        </p>
      )}
      {proposal && (
        <div className="theme-card theme-card--form">
          <h3>{t('themes.proposeHeading')}</h3>
          <ProposalForm
            draft={proposal}
            onChange={setProposal}
            onSubmit={() => void propose(proposal)}
            onCancel={closeProposal}
            ownSites={ownMembers}
            members={members}
            valueChain={cluster.valueChain}
            revising={false}
            busy={save.kind === 'busy'}
            errors={save.kind === 'failed' ? save.errors : {}}
            failure={save.kind === 'failed' ? save.failure : null}
          />
        </div>
      )}
      {viewer.manages && !draft && (
        <p>
          <button type="button" className="button" onClick={() => setDraft(emptyThemeDraft())}>
            {t('themes.new')}
          </button>
        </p>
      )}
      {draft && (
        <div className="theme-card theme-card--form">
          <h3>{t('themes.newHeading')}</h3>
          <ThemeForm
            draft={draft}
            onChange={setDraft}
            onSubmit={() => void submit(draft)}
            onCancel={() => {
              setDraft(null);
              setSave({ kind: 'idle' });
            }}
            valueChain={cluster.valueChain}
            editing={false}
            busy={save.kind === 'busy'}
            errors={save.kind === 'failed' ? save.errors : {}}
            failure={save.kind === 'failed' ? save.failure : null}
          />
        </div>
      )}
      {themes.state.kind === 'loading' && <LoadingState />}
      {themes.state.kind === 'error' && <ErrorState error={themes.state.error} onRetry={themes.reload} />}
      {themes.state.kind === 'ready' && list.length === 0 && <EmptyState>{t('themes.empty')}</EmptyState>}
      {list.length > 0 && (
        <ul className="theme-list" data-testid="theme-list">
          {list.map((theme) => (
            <ThemeCard
              key={theme.id}
              cluster={cluster}
              theme={theme}
              manages={viewer.manages}
              mySiteIds={mySiteIds}
              members={members}
              renderChain={renderChain}
              onTheme={put}
              onReload={themes.reload}
            />
          ))}
        </ul>
      )}
    </>
  );
}
