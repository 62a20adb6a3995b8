import type { GatheringSession, Meeting, MeetingPlace } from './api/types';

// The day's grid, computed from the gathering's sessions (HH:mm in Japan time, slots of 15–30 minutes, tables) and the
// meetings' places (session, slot and table, 0-based on the wire; tables are 1, 2, … to people).

/** Minutes since midnight of an HH:mm time. */
export function minutesOf(time: string): number {
  const [hours = '0', minutes = '0'] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}

/** HH:mm of minutes since midnight. */
export function clock(minutes: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;
}

export interface SlotTime {
  session: number;
  slot: number;
  start: string;
  end: string;
}

/** When a slot of a session starts and ends; null when the gathering has no such session or slot. */
export function slotTime(sessions: readonly GatheringSession[], session: number, slot: number): SlotTime | null {
  const s = sessions[session];
  if (!s || slot < 0 || slot >= s.slots) {
    return null;
  }
  const start = minutesOf(s.startsAt) + slot * s.slotMinutes;
  return { session, slot, start: clock(start), end: clock(start + s.slotMinutes) };
}

/** Every slot of a session, in time order. */
export function slotsOf(sessions: readonly GatheringSession[], session: number): SlotTime[] {
  const s = sessions[session];
  return s ? Array.from({ length: s.slots }, (_, slot) => slotTime(sessions, session, slot)!) : [];
}

/** When a session ends, HH:mm. */
export function sessionEnd(s: GatheringSession): string {
  return clock(minutesOf(s.startsAt) + s.slots * s.slotMinutes);
}

/** A meeting with a place, for the grid and the table plan. */
export type PlacedMeeting = Meeting & { place: MeetingPlace };

/** The accepted meetings that have a place (the schedule's or a pin). */
export function placedMeetings(meetings: readonly Meeting[]): PlacedMeeting[] {
  return meetings.filter((m): m is PlacedMeeting => m.status === 'accepted' && m.place != null);
}

export interface PlanTable {
  /** 1-based, as people count tables. */
  table: number;
  meeting: PlacedMeeting;
}

export interface PlanSlot extends SlotTime {
  tables: PlanTable[];
}

export interface PlanSession {
  session: number;
  label: string | null;
  start: string;
  end: string;
  tables: number;
  slots: PlanSlot[];
}

/**
 * The venue's table plan: per session and slot (in time order), which buyer meets which supplier at which table
 * (in table order). Slots without a meeting are kept (the plan shows the whole day); a meeting placed where the
 * gathering has no such slot (the sessions changed after the schedule ran) is left out.
 */
export function tablePlan(sessions: readonly GatheringSession[], meetings: readonly Meeting[]): PlanSession[] {
  const placed = placedMeetings(meetings);
  return sessions.map((s, session) => ({
    session,
    label: s.label ?? null,
    start: s.startsAt,
    end: sessionEnd(s),
    tables: s.tables,
    slots: slotsOf(sessions, session).map((time) => ({
      ...time,
      tables: placed
        .filter((m) => m.place.session === session && m.place.slot === time.slot && m.place.table < s.tables)
        .sort((a, b) => a.place.table - b.place.table)
        .map((meeting) => ({ table: meeting.place.table + 1, meeting })),
    })),
  }));
}

/** The meeting at a session, slot and table (0-based), if any. */
export function meetingAt(meetings: readonly PlacedMeeting[], session: number, slot: number, table: number): PlacedMeeting | undefined {
  return meetings.find((m) => m.place.session === session && m.place.slot === slot && m.place.table === table);
}
