import { useState } from 'react';
import { ErrorState, LoadingState } from '@/components/async-state';
import { useI18n } from '@/lib/i18n';
import { useLoaded } from '@/lib/use-loaded';
import { listMeetings } from '../api/list-meetings';
import { listParticipants } from '../api/list-participants';
import type { Gathering, ParticipantRole } from '../api/types';
import { active, organises, ownRegistrations, registrationOpen } from '../gathering-rules';
import { useAccount } from '../hooks/use-account';
import { useKept } from '../hooks/use-kept';
import { MeetingFollowUp } from './meeting-follow-up';
import { MyRegistrations } from './my-registrations';
import { ParticipantInbox } from './participant-inbox';
import { RegistrationForm } from './registration-form';
import { SuggestionList } from './suggestion-list';
import { TopicsSection } from './topics-section';

/**
 * The signed-in reader's part in a gathering: its registrations (and withdrawing), registering while registration is
 * open, an exchange meeting's topics and challenges, and the inbox of each approved registration.
 */
export function Participation({ gathering }: { gathering: Gathering }) {
  const { t } = useI18n();
  const account = useAccount();
  const [round, setRound] = useState(0);
  const participants = useLoaded(`participants-${gathering.id}-${round}`, (signal) => listParticipants(gathering.id, signal));
  const meetings = useLoaded(`meetings-${gathering.id}-${round}`, (signal) => listMeetings(gathering.id, signal));
  const [chosen, setChosen] = useState<string | null>(null);
  const reload = () => setRound((n) => n + 1);

  const everyone = useKept(participants.state);
  const meetingList = useKept(meetings.state);

  if (gathering.status === 'draft') {
    return null;
  }
  if (participants.state.kind === 'error') {
    return <ErrorState error={participants.state.error} onRetry={participants.reload} />;
  }
  if (meetings.state.kind === 'error') {
    return <ErrorState error={meetings.state.error} onRetry={meetings.reload} />;
  }
  if (!everyone || !meetingList) {
    return <LoadingState />;
  }
  const mine = ownRegistrations(everyone, account.accountId);
  const approved = mine.filter((p) => p.status === 'approved');
  const me = approved.find((p) => p.id === chosen) ?? approved[0] ?? null;
  // A supplier's account comes with a site or as a buyer; anyone else as a buyer. Coordinators organise.
  const possible: ParticipantRole[] = account.coordinator ? [] : account.supplierIds.length > 0 ? ['supplier', 'buyer'] : ['buyer'];
  const roles = possible.filter((role) => !mine.some((p) => p.role === role && active(p)));
  const open = registrationOpen(gathering);
  const onMeeting = () => reload();

  return (
    <>
      {(mine.length > 0 || (open && roles.length > 0)) && (
        <section className="card" aria-labelledby="participation-heading" data-testid="participation">
          <h2 id="participation-heading">{t('gatherings.participation.heading')}</h2>
          <MyRegistrations gathering={gathering} registrations={mine} onChanged={reload} />
          {open && roles.length > 0 && <RegistrationForm gathering={gathering} roles={roles} onRegistered={reload} />}
        </section>
      )}
      {!open && mine.length === 0 && !account.coordinator && (
        <section className="card">
          <p className="muted">{t('gatherings.participation.closed')}</p>
        </section>
      )}
      {gathering.kind === 'exchange_meeting' && (
        <TopicsSection gathering={gathering} registrations={approved} organiser={organises(gathering, account.accountId)} />
      )}
      {approved.length > 1 && (
        <div className="form__field gathering-page__as">
          <label htmlFor="inbox-as">{t('gatherings.inbox.as')}</label>
          <select id="inbox-as" value={me?.id ?? ''} onChange={(event) => setChosen(event.target.value)}>
            {approved.map((p) => (
              <option key={p.id} value={p.id}>
                {t(`gatherings.role.${p.role}`)} {p.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {me && (
        <ParticipantInbox
          gathering={gathering}
          me={me}
          participants={everyone}
          meetings={meetingList}
          onMeeting={onMeeting}
          extra={(meeting) => <MeetingFollowUp gathering={gathering} me={me} meeting={meeting} participants={everyone} onMeeting={onMeeting} />}
          suggestions={
            ['published', 'booking_open', 'scheduled'].includes(gathering.status) ? (
              <SuggestionList gathering={gathering} me={me} meetings={meetingList} onMeeting={onMeeting} />
            ) : null
          }
        />
      )}
    </>
  );
}
