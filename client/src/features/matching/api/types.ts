import type { Schemas } from '@/lib/api-client';

export type MatchingRequestInput = Schemas['MatchingRequestInput'];
export type MatchingStepInput = Schemas['MatchingStepInput'];
export type MatchingRequest = Schemas['MatchingRequest'];
export type MatchEvaluation = Schemas['MatchEvaluation'];
export type StepMatches = Schemas['StepMatches'];
export type MatchCandidate = Schemas['MatchCandidate'];
export type MatchCriterion = Schemas['MatchCriterion'];
export type MatchChain = Schemas['MatchChain'];
export type Invitation = Schemas['Invitation'];
export type InvitationAnswer = Schemas['InvitationAnswer'];
export type InboxItem = Schemas['InboxItem'];
export type RequestStatus = Schemas['RequestStatus'];
export type QualityAssurance = Schemas['QualityAssurance'];
export type RequestVisibility = Schemas['RequestVisibility'];
export type InvitationMessage = Schemas['InvitationMessage'];
export type MessageAuthor = Schemas['MessageAuthor'];
