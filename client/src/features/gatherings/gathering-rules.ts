import type { LifecycleStep } from './api/gathering-lifecycle';
import type { Gathering, GatheringStatus, Meeting, Participant, ParticipantRole } from './api/types';

/** The organisers' steps each state allows (docs/gatherings.md); `schedule` runs again while scheduled. */
const steps: Record<GatheringStatus, readonly (LifecycleStep | 'schedule')[]> = {
  draft: ['publish', 'cancel'],
  published: ['open-booking', 'cancel'],
  booking_open: ['schedule', 'cancel'],
  scheduled: ['schedule', 'hold', 'cancel'],
  held: ['close'],
  closed: [],
  cancelled: [],
};

export function organiserSteps(gathering: Gathering): readonly (LifecycleStep | 'schedule')[] {
  return steps[gathering.status];
}

/** Organisers change a gathering until it is held. */
export function editable(gathering: Gathering): boolean {
  return ['draft', 'published', 'booking_open', 'scheduled'].includes(gathering.status);
}

/** Whether the signed-in account is one of the gathering's organisers (the API decides again on every call). */
export function organises(gathering: Gathering, accountId: string | null): boolean {
  return accountId !== null && gathering.organiserAccountIds.includes(accountId);
}

/** Registration is open while published or booking is open, until it closes. */
export function registrationOpen(gathering: Gathering, now: Date = new Date()): boolean {
  const closes = gathering.registrationClosesAt ? new Date(gathering.registrationClosesAt) : null;
  return (gathering.status === 'published' || gathering.status === 'booking_open') && (closes === null || now < closes);
}

/** Participants ask for meetings while booking is open (until it closes). */
export function bookingOpen(gathering: Gathering, now: Date = new Date()): boolean {
  const closes = gathering.bookingClosesAt ? new Date(gathering.bookingClosesAt) : null;
  return gathering.status === 'booking_open' && (closes === null || now < closes);
}

/** The caller's own registrations: the API shows a registration's account to the participant itself (and organisers). */
export function ownRegistrations(participants: readonly Participant[], accountId: string | null): Participant[] {
  return accountId === null ? [] : participants.filter((p) => p.accountId === accountId);
}

/** A registration that still counts (not refused or withdrawn). */
export function active(participant: Participant): boolean {
  return participant.status === 'pending' || participant.status === 'approved';
}

/** Which side of a meeting a participant is on, or null when it is not one of its two. */
export function sideOf(meeting: Meeting, participantId: string): ParticipantRole | null {
  return meeting.buyerId === participantId ? 'buyer' : meeting.supplierId === participantId ? 'supplier' : null;
}

/** The other side's participant id and name, seen from `participantId`. */
export function otherSide(meeting: Meeting, participantId: string): { id: string; name: string } {
  return meeting.buyerId === participantId
    ? { id: meeting.supplierId, name: meeting.supplierName }
    : { id: meeting.buyerId, name: meeting.buyerName };
}

/**
 * Whether `participantId` was asked (and so may accept or decline): a request by the other side, or an organiser's
 * proposal (each side answers it; the API does not say which side has agreed already, and refuses a second answer).
 */
export function askedOf(meeting: Meeting, participantId: string): boolean {
  const side = sideOf(meeting, participantId);
  return meeting.status === 'requested' && side !== null && meeting.requestedBy !== side;
}

/** An exchange meeting collects topics and challenges before the day: while published, booking or scheduled. */
export function topicsOpen(gathering: Gathering): boolean {
  return gathering.kind === 'exchange_meeting' && ['published', 'booking_open', 'scheduled'].includes(gathering.status);
}

/** How many tables a topic may be given: the most any session has (the API takes a table any session has). */
export function topicTables(gathering: Gathering): number {
  return Math.max(0, ...gathering.sessions.map((s) => s.tables));
}
