import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { ErrorState, LoadingState } from '@/components/async-state';
import { loginPath } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { usePageTitle } from '@/lib/page-title';
import { useLoaded } from '@/lib/use-loaded';
import { getGathering } from '../api/get-gathering';
import { listClusterChoices } from '../api/list-clusters';
import type { Gathering, ScheduleResult } from '../api/types';
import { editable, organises } from '../gathering-rules';
import { useAccount } from '../hooks/use-account';
import { useKept } from '../hooks/use-kept';
import { GatheringStatusBadge } from './badges';
import { BoothsSection } from './booth-list';
import { GatheringDetails } from './gathering-details';
import { GatheringNotFound, isNotFound } from './gathering-not-found';
import { titleOf } from './gathering-title';
import { LifecycleActions } from './lifecycle-actions';
import { Participation } from './participation';
import { ScheduleResultView } from './schedule-result';
import './gatherings.css';

/**
 * A gathering's page: what it is (a showcase's exhibitors and their booths too); for its organisers the next steps of its
 * lifecycle and the way to the board; for a signed-in reader its registrations, the registration form while
 * registration is open, an exchange meeting's topics and challenges, and, once approved, its meetings.
 */
export function GatheringPage({ id }: { id: string }) {
  const { t, language } = useI18n();
  const location = useLocation();
  const account = useAccount();
  const gathering = useLoaded(`gathering-${id}`, (signal) => getGathering(id, signal));
  const keptGathering = useKept(gathering.state);
  const clusterId = keptGathering?.clusterId ?? null;
  const clusters = useLoaded(`gathering-cluster-${clusterId}`, (signal) => (clusterId ? listClusterChoices(signal) : Promise.resolve([])));
  const [schedule, setSchedule] = useState<ScheduleResult | null>(null);
  usePageTitle(keptGathering ? titleOf(keptGathering, language) : null, 1);

  if (!keptGathering) {
    if (gathering.state.kind === 'error') {
      return isNotFound(gathering.state.error) ? <GatheringNotFound /> : <ErrorState error={gathering.state.error} onRetry={gathering.reload} />;
    }
    return <LoadingState />;
  }
  const data: Gathering = keptGathering;
  const organiser = organises(data, account.accountId);
  const cluster = clusters.state.kind === 'ready' ? (clusters.state.data.find((c) => c.id === data.clusterId) ?? null) : null;

  return (
    <div className="gathering-page">
      <p>
        <Link to="/gatherings">{t('gatherings.backToList')}</Link>
      </p>
      <header className="gathering-page__head">
        <p className="gathering-page__kind">
          <span className="tag">{t(`gatherings.kind.${data.kind}`)}</span> <GatheringStatusBadge status={data.status} />
        </p>
        <h1 className="page-title">{titleOf(data, language)}</h1>
      </header>
      {organiser && (
        <section className="card" aria-labelledby="organiser-heading" data-testid="organiser-panel">
          <h2 id="organiser-heading">{t('gatherings.organiser.heading')}</h2>
          <p className="muted">{t(`gatherings.organiser.next.${data.status}`)}</p>
          <LifecycleActions
            gathering={data}
            onChanged={gathering.replace}
            onScheduled={(result) => {
              setSchedule(result);
              gathering.reload();
            }}
            onReload={gathering.reload}
          />
          <p className="gathering-page__links">
            {editable(data) && <Link to={`/gatherings/${data.id}/edit`}>{t('gatherings.edit')}</Link>}
            <Link to={`/gatherings/${data.id}/board`}>{t('gatherings.board.open')}</Link>
            <Link to={`/gatherings/${data.id}/table-plan`}>{t('gatherings.tablePlan.open')}</Link>
          </p>
          {schedule && <ScheduleResultView result={schedule} />}
        </section>
      )}
      <GatheringDetails gathering={data} cluster={cluster} />
      {data.kind === 'showcase' && data.status !== 'draft' && <BoothsSection gathering={data} />}
      {account.status === 'signed-in' ? (
        <Participation key={data.version} gathering={data} />
      ) : account.status === 'signed-out' && data.status !== 'draft' ? (
        <section className="card" data-testid="sign-in-to-register">
          <p>
            {t('gatherings.signInToTakePart')} <Link to={loginPath(location.pathname)}>{t('auth.signIn')}</Link>
          </p>
        </section>
      ) : null}
    </div>
  );
}
