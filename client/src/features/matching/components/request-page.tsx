import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '@/components/async-state';
import { useConfirm } from '@/components/confirm-dialog';
import { useSessionState } from '@/lib/auth';
import { NotFound } from '@/components/not-found';
import { WriteAlert } from '@/components/write-alert';
import { useI18n } from '@/lib/i18n';
import { usePageTitle } from '@/lib/page-title';
import { ApiError } from '@/lib/problem';
import { useLoaded } from '@/lib/use-loaded';
import type { WriteFailure, WriteResult } from '@/lib/write-result';
import { allowedActions, changeRequestStatus, type StatusAction } from '../api/change-request-status';
import { getMatchingRequest } from '../api/get-matching-request';
import { getRequestEvaluation } from '../api/get-request-evaluation';
import { awardChain, inviteSupplier, listInvitations } from '../api/invitations';
import type { MatchChain, MatchingRequest } from '../api/types';
import { EditRequest } from './edit-request';
import { InvitationList } from './invitation-list';
import { MatchResults } from './match-results';
import { RequestSummary } from './request-summary';
import './matching.css';

/**
 * A saved request: what it asks, its state and the lifecycle actions it allows, its evaluation (matches and chains)
 * and, once open, invitations to candidates and what they answered. A draft can be changed here (If-Match).
 */
export function RequestPage({ id }: { id: string }) {
  const { t } = useI18n();
  const request = useLoaded(id, (signal) => getMatchingRequest(id, signal));
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<WriteFailure | null>(null);
  // Editing a draft; `reloaded` once a save met a newer version and the form was filled from it.
  const [editing, setEditing] = useState<{ reloaded: boolean } | null>(null);
  const { confirm, dialog } = useConfirm();
  const session = useSessionState();
  const signedInAs = session.status === 'signed-in' ? session.user.id : null;
  usePageTitle(request.state.kind === 'ready' ? request.state.data.request.title : null, 1);

  async function run<T>(action: () => Promise<WriteResult<T>>, then: (data: T) => void) {
    setWorking(true);
    setFailure(null);
    const result = await action();
    setWorking(false);
    if (result.kind === 'ok') {
      then(result.data);
    } else {
      setFailure(result);
    }
  }

  // Someone changed the draft meanwhile: read it again, and go on editing what is saved now while it is still a draft.
  async function reloadAfterStale() {
    try {
      const fresh = await getMatchingRequest(id);
      request.replace(fresh);
      if (fresh.status === 'draft') {
        setEditing({ reloaded: true });
      } else {
        setEditing(null);
        setFailure({ kind: 'stale', problem: null });
      }
    } catch {
      setEditing(null);
      request.reload();
    }
  }

  if (request.state.kind === 'loading') {
    return <LoadingState />;
  }
  if (request.state.kind === 'error') {
    if (request.state.error instanceof ApiError && request.state.error.status === 404) {
      return <NotFound heading={t('matching.notFound')} body={t('matching.notFoundBody')} back={{ to: '/matching', label: t('matching.backToList') }} />;
    }
    return <ErrorState error={request.state.error} onRetry={request.reload} />;
  }
  const saved: MatchingRequest = request.state.data;
  const status = saved.status;
  const actions = allowedActions(status);

  // Closing and cancelling cannot be taken back (the API has no reopen): the buyer is asked first, told what follows.
  async function changeStatus(action: StatusAction) {
    if (action !== 'open') {
      const confirmed = await confirm({
        title: t(`matching.confirm.${action}`, { title: saved.request.title }),
        body: <p>{t(`matching.confirm.${action}Body`)}</p>,
        confirmLabel: t(`matching.confirm.${action}Action`),
        danger: action === 'cancel',
      });
      if (!confirmed) {
        return;
      }
    }
    await run(() => changeRequestStatus(id, action), request.replace);
  }

  return (
    <div className="matching">
      <section className="card" aria-labelledby="request-heading">
        <h1 id="request-heading">{saved.request.title}</h1>
        <RequestSummary saved={saved} />
        {failure && <WriteAlert failure={failure} />}
        {dialog}
        {status === 'awarded' && signedInAs === saved.buyerAccountId && (
          <p>
            <Link className="button" to={`/orders/new?requestId=${id}`} data-testid="create-orders">
              {t('matching.createOrders')}
            </Link>
          </p>
        )}
        {actions.length > 0 && !editing && (
          <div className="matching__actions" role="group" aria-label={t('matching.actions')}>
            {status === 'draft' && (
              <button type="button" className="button button--secondary" disabled={working} onClick={() => setEditing({ reloaded: false })}>
                {t('matching.edit')}
              </button>
            )}
            {actions.map((action: StatusAction) => (
              <button
                key={action}
                type="button"
                className={action === 'open' ? 'button' : 'button button--secondary'}
                disabled={working}
                onClick={() => void changeStatus(action)}
              >
                {t(`matching.action.${action}`)}
              </button>
            ))}
          </div>
        )}
      </section>
      {editing && status === 'draft' ? (
        <EditRequest
          key={saved.version}
          saved={saved}
          reloaded={editing.reloaded}
          onSaved={(updated) => {
            request.replace(updated);
            setEditing(null);
            setFailure(null);
          }}
          onCancel={() => setEditing(null)}
          onStale={() => void reloadAfterStale()}
        />
      ) : (
        <Evaluation
          key={`${status}-${saved.version}`}
          request={saved}
          onChanged={request.reload}
          run={run}
          working={working}
        />
      )}
    </div>
  );
}

function Evaluation({
  request,
  onChanged,
  run,
  working,
}: {
  request: MatchingRequest;
  onChanged: () => void;
  run: <T>(action: () => Promise<WriteResult<T>>, then: (data: T) => void) => Promise<void>;
  working: boolean;
}) {
  const { t } = useI18n();
  const id = request.id;
  const open = request.status === 'open';
  const evaluation = useLoaded(`${id}-${request.version}`, (signal) => getRequestEvaluation(id, signal));
  const invitations = useLoaded(`${id}-${request.version}-invitations`, (signal) =>
    request.status === 'draft' ? Promise.resolve([]) : listInvitations(id, signal),
  );
  const awarded = request.awardedSupplierId;
  const session = useSessionState();
  const signedInAs = session.status === 'signed-in' ? session.user.id : null;
  const invited = new Set(invitations.state.kind === 'ready' ? invitations.state.data.map((i) => i.supplierId) : []);
  const { confirm, dialog } = useConfirm();
  const canAward = (request.status === 'open' || request.status === 'closed') && signedInAs === request.buyerAccountId;

  // Awarding a chain ends the request for every other site and cannot be taken back: asked first.
  async function award(chain: MatchChain, n: number) {
    const confirmed = await confirm({
      title: t('matching.confirm.awardChain', { n }),
      body: <p>{t('matching.confirm.awardChainBody')}</p>,
      confirmLabel: t('matching.confirm.awardChainAction'),
    });
    if (confirmed) {
      await run(() => awardChain(id, chain.steps.map((s) => s.supplierId ?? '')), onChanged);
    }
  }

  return (
    <>
      {request.status !== 'draft' && (
        <section className="card" aria-labelledby="invitations-heading">
          <h2 id="invitations-heading">{t('matching.invitations')}</h2>
          {invitations.state.kind === 'loading' && <LoadingState />}
          {invitations.state.kind === 'error' && <ErrorState error={invitations.state.error} onRetry={invitations.reload} />}
          {awarded && invitations.state.kind === 'ready' && (
            <p data-testid="awarded-to">
              {t('matching.awardedTo', {
                name:
                  invitations.state.data.find((i) => i.supplierId === awarded)?.supplierNameJa ??
                  (evaluation.state.kind === 'ready'
                    ? evaluation.state.data.steps.flatMap((s) => s.candidates).find((c) => c.supplierId === awarded)?.nameJa
                    : undefined) ??
                  awarded,
              })}
            </p>
          )}
          {invitations.state.kind === 'ready' && (
            <InvitationList
              requestId={id}
              invitations={invitations.state.data}
              canAct={request.status === 'open' || request.status === 'closed'}
              canWrite={(request.status === 'open' || request.status === 'closed') && signedInAs === request.buyerAccountId}
              run={run}
              working={working}
              onChanged={() => {
                invitations.reload();
                onChanged();
              }}
            />
          )}
        </section>
      )}
      <div className="card">
        {dialog}
        {evaluation.state.kind === 'loading' && <LoadingState />}
        {evaluation.state.kind === 'error' && <ErrorState error={evaluation.state.error} onRetry={evaluation.reload} />}
        {evaluation.state.kind === 'ready' && (
          <MatchResults
            evaluation={evaluation.state.data}
            chainAction={
              canAward
                ? (chain, n) =>
                    chain.steps.every((s) => s.supplierId) ? (
                      <p>
                        <button type="button" className="button" disabled={working} onClick={() => void award(chain, n)} data-testid="award-chain">
                          {t('matching.awardChain')}
                        </button>
                      </p>
                    ) : (
                      <p className="muted">{t('matching.awardChainGaps')}</p>
                    )
                : undefined
            }
            candidateAction={
              open
                ? (candidate) =>
                    invited.has(candidate.supplierId) ? (
                      <span className="badge">{t('matching.invited')}</span>
                    ) : (
                      <button
                        type="button"
                        className="button button--secondary"
                        disabled={working}
                        onClick={() => void run(() => inviteSupplier(id, candidate.supplierId), invitations.reload)}
                      >
                        {t('matching.invite')}
                      </button>
                    )
                : undefined
            }
          />
        )}
      </div>
    </>
  );
}
