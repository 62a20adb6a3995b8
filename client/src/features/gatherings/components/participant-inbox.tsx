import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '@/components/async-state';
import { joinList, useI18n } from '@/lib/i18n';
import { useTaxonomyLabels } from '@/lib/taxonomy';
import type { Gathering, Meeting, Participant } from '../api/types';
import { askedOf, bookingOpen, sideOf } from '../gathering-rules';
import { MeetingItem } from './meeting-item';
import { RequestButton } from './request-button';

/**
 * A participant's meetings at a gathering, from its side: the requests it received (to accept or decline), those it
 * sent, the meetings agreed (with their time and table once scheduled), those that ended; and, while booking is open,
 * the participants of the other side to ask. `suggestions` (the matching engine's, when there are) and `extra` (per
 * meeting: the brief, the outcome) are handed in.
 */
export function ParticipantInbox({
  gathering,
  me,
  participants,
  meetings,
  onMeeting,
  suggestions,
  extra,
}: {
  gathering: Gathering;
  me: Participant;
  participants: readonly Participant[];
  meetings: readonly Meeting[];
  onMeeting: (meeting: Meeting) => void;
  suggestions?: ReactNode;
  extra?: (meeting: Meeting) => ReactNode;
}) {
  const { t } = useI18n();
  const mine = meetings.filter((m) => sideOf(m, me.id) !== null);
  const received = mine.filter((m) => askedOf(m, me.id));
  const sent = mine.filter((m) => m.status === 'requested' && !askedOf(m, me.id));
  const agreed = mine.filter((m) => m.status === 'accepted').sort(byTime);
  const ended = mine.filter((m) => m.status === 'declined' || m.status === 'cancelled');
  const item = (meeting: Meeting) => (
    <MeetingItem key={meeting.id} gathering={gathering} meeting={meeting} participantId={me.id} onChanged={onMeeting}>
      {extra?.(meeting)}
    </MeetingItem>
  );

  return (
    <section className="card inbox" aria-labelledby="inbox-heading" data-testid="participant-inbox">
      <div className="gatherings__head">
        <h2 id="inbox-heading">{t('gatherings.inbox.heading', { name: me.name })}</h2>
        <Link className="button button--secondary" to={`/gatherings/${gathering.id}/agenda${participantsQuery(me)}`}>
          {t('gatherings.agenda.open')}
        </Link>
      </div>
      {bookingOpen(gathering) ? (
        <p className="muted">{t('gatherings.inbox.bookingOpen', { n: gathering.maxRequests })}</p>
      ) : gathering.status === 'published' ? (
        <p className="muted">{t('gatherings.inbox.bookingNotYet')}</p>
      ) : null}
      {suggestions}
      <Group heading={t('gatherings.inbox.received')} testId="inbox-received" empty={t('gatherings.inbox.noneReceived')}>
        {received.map(item)}
      </Group>
      <Group heading={t('gatherings.inbox.agreed')} testId="inbox-agreed" empty={t('gatherings.inbox.noneAgreed')}>
        {agreed.map(item)}
      </Group>
      <Group heading={t('gatherings.inbox.sent')} testId="inbox-sent" empty={t('gatherings.inbox.noneSent')}>
        {sent.map(item)}
      </Group>
      {ended.length > 0 && (
        <details className="inbox__ended">
          <summary>{t('gatherings.inbox.ended', { count: ended.length })}</summary>
          <ul className="meeting-list" data-testid="inbox-ended">
            {ended.map(item)}
          </ul>
        </details>
      )}
      {bookingOpen(gathering) && <OtherSide gathering={gathering} me={me} participants={participants} meetings={mine} onMeeting={onMeeting} />}
    </section>
  );
}

// The agenda reads the caller's only registration by itself; with two (a buyer and a supplier) it names this one.
const participantsQuery = (me: Participant) => `?participantId=${encodeURIComponent(me.id)}`;

const byTime = (a: Meeting, b: Meeting) => (a.startsAt ?? '\uffff').localeCompare(b.startsAt ?? '\uffff');

function Group({ heading, testId, empty, children }: { heading: string; testId: string; empty: string; children: ReactNode[] }) {
  const id = useId();
  return (
    <section className="inbox__group" aria-labelledby={id}>
      <h3 id={id}>
        {heading} <span className="muted">({children.length})</span>
      </h3>
      {children.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="meeting-list" data-testid={testId}>
          {children}
        </ul>
      )}
    </section>
  );
}

/** The approved participants of the other side, with what they need or show, to ask for a meeting. */
function OtherSide({
  gathering,
  me,
  participants,
  meetings,
  onMeeting,
}: {
  gathering: Gathering;
  me: Participant;
  participants: readonly Participant[];
  meetings: readonly Meeting[];
  onMeeting: (meeting: Meeting) => void;
}) {
  const { t, language } = useI18n();
  const labelOf = useTaxonomyLabels(['processes']);
  const others = participants.filter((p) => p.status === 'approved' && p.role !== me.role && p.accountId !== me.accountId);
  const met = new Set(meetings.map((m) => (m.buyerId === me.id ? m.supplierId : m.buyerId)));
  return (
    <details className="inbox__others">
      <summary>{t(me.role === 'buyer' ? 'gatherings.inbox.allSuppliers' : 'gatherings.inbox.allBuyers', { count: others.length })}</summary>
      {others.length === 0 ? (
        <EmptyState>{t('gatherings.inbox.noOthers')}</EmptyState>
      ) : (
        <ul className="meeting-list" data-testid="other-side">
          {others.map((other) => {
            const processes = other.role === 'buyer' ? other.needProcesses : other.showProcesses;
            const common = other.sessions.some((s) => me.sessions.includes(s));
            return (
              <li key={other.id} className="meeting-item" data-testid="other-participant">
                <div className="meeting-item__line">
                  <strong>
                    {other.supplierId ? <Link to={`/suppliers/${other.supplierId}`}>{other.name}</Link> : other.name}
                  </strong>
                  {met.has(other.id) ? (
                    <span className="muted">{t('gatherings.inbox.alreadyAsked')}</span>
                  ) : common ? (
                    <RequestButton gatheringId={gathering.id} withParticipantId={other.id} name={other.name} onRequested={onMeeting} />
                  ) : (
                    <span className="muted">{t('gatherings.inbox.noCommonSession')}</span>
                  )}
                </div>
                {processes.length > 0 && (
                  <p className="muted">
                    {t(other.role === 'buyer' ? 'gatherings.needs' : 'gatherings.shows', {
                      list: joinList(processes.map((code) => labelOf('processes', code)), language),
                    })}
                  </p>
                )}
                {other.shows && <p className="meeting-item__note">{other.shows}</p>}
              </li>
            );
          })}
        </ul>
      )}
    </details>
  );
}
