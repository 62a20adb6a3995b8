import type { Schemas } from '@/lib/api-client';

export type Gathering = Schemas['Gathering'];
export type GatheringInput = Schemas['GatheringInput'];
export type GatheringKind = Schemas['GatheringKind'];
export type GatheringStatus = Schemas['GatheringStatus'];
export type GatheringSession = Schemas['GatheringSession'];
export type Participant = Schemas['Participant'];
export type ParticipantInput = Schemas['ParticipantInput'];
export type ParticipantRole = Schemas['ParticipantRole'];
export type ParticipantStatus = Schemas['ParticipantStatus'];
export type Meeting = Schemas['Meeting'];
export type MeetingPlace = Schemas['MeetingPlace'];
export type MeetingStatus = Schemas['MeetingStatus'];
export type MeetingRequester = Schemas['MeetingRequester'];
export type Agenda = Schemas['Agenda'];
export type ScheduleResult = Schemas['ScheduleResult'];
export type MatchingStepInput = Schemas['MatchingStepInput'];
export type MatchingRequest = Schemas['MatchingRequest'];
export type Booth = Schemas['Booth'];
export type GatheringTopic = Schemas['GatheringTopic'];
export type TopicInput = Schemas['TopicInput'];
export type TopicKind = Schemas['TopicKind'];

export const gatheringKinds: readonly GatheringKind[] = ['matching_meeting', 'showcase', 'exchange_meeting'];
export const gatheringStatuses: readonly GatheringStatus[] = ['draft', 'published', 'booking_open', 'scheduled', 'held', 'closed', 'cancelled'];
export const topicKinds: readonly TopicKind[] = ['topic', 'challenge'];
