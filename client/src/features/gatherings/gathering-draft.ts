import type { FieldErrors } from '@/lib/field-errors';
import type { Translate } from '@/lib/i18n';
import type { Gathering, GatheringInput, GatheringKind, GatheringSession } from './api/types';

/** A session as the form holds it: numbers as typed. */
export interface SessionDraft {
  label: string;
  startsAt: string;
  slotMinutes: string;
  slots: string;
  tables: string;
}

/** A gathering as its form holds it: text as typed; closing times as `YYYY-MM-DDTHH:mm` in Japan time. */
export interface GatheringDraft {
  kind: GatheringKind;
  titleJa: string;
  titleEn: string;
  description: string;
  venue: string;
  venueAddress: string;
  onlineUrl: string;
  heldOn: string;
  registrationClosesAt: string;
  bookingClosesAt: string;
  capacity: string;
  clusterId: string;
  maxRequests: string;
  maxMeetings: string;
  maxConsecutive: string;
  sessions: SessionDraft[];
  /** Kept as they are: a PUT without the other organisers would drop them. */
  organiserAccountIds: string[];
}

export function emptySession(): SessionDraft {
  return { label: '', startsAt: '13:00', slotMinutes: '20', slots: '6', tables: '10' };
}

export function emptyGatheringDraft(): GatheringDraft {
  return {
    kind: 'matching_meeting',
    titleJa: '',
    titleEn: '',
    description: '',
    venue: '',
    venueAddress: '',
    onlineUrl: '',
    heldOn: '',
    registrationClosesAt: '',
    bookingClosesAt: '',
    capacity: '40',
    clusterId: '',
    maxRequests: '10',
    maxMeetings: '8',
    maxConsecutive: '4',
    sessions: [emptySession()],
    organiserAccountIds: [],
  };
}

const japan = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as a datetime-local value in Japan time (the gathering's), e.g. 2030-05-01T17:00. */
export function japanLocal(instant: string | null | undefined): string {
  if (!instant) {
    return '';
  }
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  const part = (type: string) => japan.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/** A datetime-local value read as Japan time, as an ISO instant with its offset; null when empty. */
export function fromJapanLocal(local: string): string | null {
  const trimmed = local.trim();
  return trimmed ? `${trimmed.length === 16 ? `${trimmed}:00` : trimmed}+09:00` : null;
}

export function draftFromGathering(gathering: Gathering): GatheringDraft {
  return {
    kind: gathering.kind,
    titleJa: gathering.titleJa,
    titleEn: gathering.titleEn ?? '',
    description: gathering.description ?? '',
    venue: gathering.venue ?? '',
    venueAddress: gathering.venueAddress ?? '',
    onlineUrl: gathering.onlineUrl ?? '',
    heldOn: gathering.heldOn,
    registrationClosesAt: japanLocal(gathering.registrationClosesAt),
    bookingClosesAt: japanLocal(gathering.bookingClosesAt),
    capacity: String(gathering.capacity),
    clusterId: gathering.clusterId ?? '',
    maxRequests: String(gathering.maxRequests),
    maxMeetings: String(gathering.maxMeetings),
    maxConsecutive: String(gathering.maxConsecutive),
    sessions: gathering.sessions.map((s) => ({
      label: s.label ?? '',
      startsAt: s.startsAt,
      slotMinutes: String(s.slotMinutes),
      slots: String(s.slots),
      tables: String(s.tables),
    })),
    organiserAccountIds: [...gathering.organiserAccountIds],
  };
}

const text = (value: string) => (value.trim() === '' ? null : value.trim());

/**
 * The input the API takes, or messages by the API's field names for what cannot be sent at all (a count that is not
 * a whole number, a required field left empty). Ranges and the rest are the API's to check: its messages come back
 * under the same names.
 */
export function gatheringDraftToInput(draft: GatheringDraft, t: Translate): { input: GatheringInput } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const whole = (field: string, value: string, required: boolean): number | null => {
    const trimmed = value.trim();
    if (trimmed === '') {
      if (required) {
        errors[field] = [t('gatherings.form.requiredField')];
      }
      return null;
    }
    if (!/^\d+$/.test(trimmed)) {
      errors[field] = [t('gatherings.form.wholeNumber')];
      return null;
    }
    return Number(trimmed);
  };
  if (draft.titleJa.trim() === '') {
    errors.titleJa = [t('gatherings.form.requiredField')];
  }
  if (draft.heldOn.trim() === '') {
    errors.heldOn = [t('gatherings.form.requiredField')];
  }
  const capacity = whole('capacity', draft.capacity, true);
  const maxRequests = whole('maxRequests', draft.maxRequests, false);
  const maxMeetings = whole('maxMeetings', draft.maxMeetings, false);
  const maxConsecutive = whole('maxConsecutive', draft.maxConsecutive, false);
  const sessions: GatheringSession[] = draft.sessions.map((s, i) => ({
    label: text(s.label),
    startsAt: s.startsAt.trim(),
    slotMinutes: whole(`sessions[${i}].slotMinutes`, s.slotMinutes, true) ?? 0,
    slots: whole(`sessions[${i}].slots`, s.slots, true) ?? 0,
    tables: whole(`sessions[${i}].tables`, s.tables, true) ?? 0,
  }));
  draft.sessions.forEach((s, i) => {
    if (s.startsAt.trim() === '') {
      errors[`sessions[${i}].startsAt`] = [t('gatherings.form.requiredField')];
    }
  });
  if (Object.keys(errors).length > 0) {
    return { errors };
  }
  return {
    input: {
      kind: draft.kind,
      titleJa: draft.titleJa.trim(),
      titleEn: text(draft.titleEn),
      description: text(draft.description),
      venue: text(draft.venue),
      venueAddress: text(draft.venueAddress),
      onlineUrl: text(draft.onlineUrl),
      heldOn: draft.heldOn.trim(),
      registrationClosesAt: fromJapanLocal(draft.registrationClosesAt),
      bookingClosesAt: fromJapanLocal(draft.bookingClosesAt),
      capacity: capacity ?? 0,
      clusterId: text(draft.clusterId),
      organiserAccountIds: draft.organiserAccountIds.length > 0 ? draft.organiserAccountIds : null,
      maxRequests,
      maxMeetings,
      maxConsecutive,
      sessions,
    },
  };
}
