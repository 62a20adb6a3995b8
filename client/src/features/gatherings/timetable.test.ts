import { describe, expect, it } from 'vitest';
import { gathering, meeting } from '@/testing/gathering-fixtures';
import { slotTime, tablePlan } from './timetable';

const sessions = gathering().sessions;

describe('slot times', () => {
  it('counts slots from the session start by the slot length', () => {
    expect(slotTime(sessions, 0, 0)).toEqual({ session: 0, slot: 0, start: '10:00', end: '10:20' });
    expect(slotTime(sessions, 0, 2)).toEqual({ session: 0, slot: 2, start: '10:40', end: '11:00' });
    expect(slotTime(sessions, 1, 1)).toEqual({ session: 1, slot: 1, start: '14:00', end: '14:30' });
    expect(slotTime(sessions, 0, 3)).toBeNull();
    expect(slotTime(sessions, 2, 0)).toBeNull();
  });
});

describe('the table plan', () => {
  it('puts each placed, agreed meeting at its slot and table (1-based), tables in order, and keeps empty slots', () => {
    const plan = tablePlan(sessions, [
      meeting({ id: 'a', place: { session: 0, slot: 1, table: 1 }, buyerName: 'A社', supplierName: 'X社' }),
      meeting({ id: 'b', place: { session: 0, slot: 1, table: 0 }, buyerName: 'B社', supplierName: 'Y社' }),
      meeting({ id: 'c', place: { session: 1, slot: 0, table: 2 }, buyerName: 'C社', supplierName: 'Z社' }),
      // Not on the plan: not agreed, not placed, or at a table the session does not have.
      meeting({ id: 'd', status: 'cancelled', place: { session: 0, slot: 0, table: 0 } }),
      meeting({ id: 'e', place: undefined }),
      meeting({ id: 'f', place: { session: 0, slot: 2, table: 5 } }),
    ]);

    expect(plan.map((s) => [s.label, s.start, s.end, s.slots.length])).toEqual([
      ['午前の部', '10:00', '11:00', 3],
      ['午後の部', '13:30', '14:30', 2],
    ]);
    const morning = plan[0]!.slots;
    expect(morning[0]!.tables).toEqual([]);
    expect(morning[1]!.start).toBe('10:20');
    expect(morning[1]!.tables.map((t) => [t.table, t.meeting.buyerName, t.meeting.supplierName])).toEqual([
      [1, 'B社', 'Y社'],
      [2, 'A社', 'X社'],
    ]);
    expect(morning[2]!.tables).toEqual([]);
    expect(plan[1]!.slots[0]!.tables.map((t) => [t.table, t.meeting.id])).toEqual([[3, 'c']]);
  });
});
