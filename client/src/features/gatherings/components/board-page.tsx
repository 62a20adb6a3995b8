import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '@/components/async-state';
import { useI18n } from '@/lib/i18n';
import { usePageTitle } from '@/lib/page-title';
import { useLoaded } from '@/lib/use-loaded';
import { getGathering } from '../api/get-gathering';
import { listMeetings } from '../api/list-meetings';
import { listParticipants } from '../api/list-participants';
import { useKept } from '../hooks/use-kept';
import type { ScheduleResult } from '../api/types';
import { GatheringStatusBadge } from './badges';
import { BoothsPanel } from './booths-panel';
import { CheckInPanel } from './check-in-panel';
import { GatheringNotFound, isNotFound } from './gathering-not-found';
import { titleOf } from './gathering-title';
import { LifecycleActions } from './lifecycle-actions';
import { MeetingsPanel } from './meetings-panel';
import { RegistrationsPanel } from './registrations-panel';
import { ScheduleResultView } from './schedule-result';
import { TimetableGrid } from './timetable-grid';
import { TopicTablesPanel } from './topic-tables-panel';
import './gatherings.css';

/**
 * The organisers' board: the lifecycle, the registrations to approve or refuse, a showcase's booths, an exchange
 * meeting's topics and their tables, the meetings (and proposing one), the schedule run and its result, the timetable
 * to pin and move meetings, and the check-in on the day.
 */
export function BoardPage({ id }: { id: string }) {
  const { t, language } = useI18n();
  const gathering = useLoaded(`gathering-${id}`, (signal) => getGathering(id, signal));
  const keptGathering = useKept(gathering.state);
  const [round, setRound] = useState(0);
  const participants = useLoaded(`board-participants-${id}-${round}`, (signal) => listParticipants(id, signal));
  const meetings = useLoaded(`board-meetings-${id}-${round}`, (signal) => listMeetings(id, signal));
  const [schedule, setSchedule] = useState<ScheduleResult | null>(null);
  const reload = () => setRound((n) => n + 1);
  const keptPeople = useKept(participants.state);
  const keptMeetings = useKept(meetings.state);
  usePageTitle(keptGathering ? t('gatherings.board.pageTitle', { title: titleOf(keptGathering, language) }) : null, 1);

  if (!keptGathering) {
    if (gathering.state.kind === 'error') {
      return isNotFound(gathering.state.error) ? <GatheringNotFound /> : <ErrorState error={gathering.state.error} onRetry={gathering.reload} />;
    }
    return <LoadingState />;
  }
  const data = keptGathering;
  const ready = keptPeople !== null && keptMeetings !== null;
  const people = keptPeople ?? [];
  const meetingList = keptMeetings ?? [];

  return (
    <div className="gathering-page board">
      <p className="gathering-page__links">
        <Link to={`/gatherings/${id}`}>{t('gatherings.backToGathering')}</Link>
        <Link to={`/gatherings/${id}/table-plan`}>{t('gatherings.tablePlan.open')}</Link>
      </p>
      <header className="gathering-page__head">
        <p className="gathering-page__kind">
          <span className="tag">{t(`gatherings.kind.${data.kind}`)}</span> <GatheringStatusBadge status={data.status} />
        </p>
        <h1 className="page-title">{t('gatherings.board.heading', { title: titleOf(data, language) })}</h1>
      </header>
      <section className="card" aria-labelledby="board-lifecycle-heading">
        <h2 id="board-lifecycle-heading">{t('gatherings.organiser.heading')}</h2>
        <p className="muted">{t(`gatherings.organiser.next.${data.status}`)}</p>
        <LifecycleActions
          gathering={data}
          onChanged={gathering.replace}
          onScheduled={(result) => {
            setSchedule(result);
            gathering.reload();
            reload();
          }}
          onReload={gathering.reload}
        />
        {schedule && <ScheduleResultView result={schedule} meetings={meetingList} />}
      </section>
      {participants.state.kind === 'error' && <ErrorState error={participants.state.error} onRetry={participants.reload} />}
      {meetings.state.kind === 'error' && <ErrorState error={meetings.state.error} onRetry={meetings.reload} />}
      {!ready && participants.state.kind !== 'error' && meetings.state.kind !== 'error' && <LoadingState />}
      {ready && (
        <>
          <RegistrationsPanel gathering={data} participants={people} onChanged={reload} />
          {data.kind === 'showcase' && <BoothsPanel gathering={data} participants={people} onChanged={reload} />}
          {data.kind === 'exchange_meeting' && <TopicTablesPanel gathering={data} />}
          <MeetingsPanel gathering={data} participants={people} meetings={meetingList} onChanged={reload} />
          <TimetableGrid gathering={data} meetings={meetingList} onChanged={reload} />
          {(data.status === 'scheduled' || data.status === 'held') && <CheckInPanel gathering={data} participants={people} onChanged={reload} />}
        </>
      )}
    </div>
  );
}
