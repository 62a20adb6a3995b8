import type { Schemas } from '@/lib/api-client';

export type Cluster = Schemas['Cluster'];
export type ClusterInput = Schemas['ClusterInput'];
export type ClusterSector = Schemas['ClusterSector'];
export type ClusterStatus = Schemas['ClusterStatus'];
export type ClusterCoverage = Schemas['ClusterCoverage'];
export type CoverageRow = Schemas['CoverageRow'];
export type ClusterMember = Schemas['ClusterMember'];
export type Theme = Schemas['Theme'];
export type ThemeInput = Schemas['ThemeInput'];
export type ThemeKind = Schemas['ThemeKind'];
export type ThemeStatus = Schemas['ThemeStatus'];
export type ThemeProposalInput = Schemas['ThemeProposalInput'];
export type ThemeInvitation = Schemas['ThemeInvitation'];
export type Milestone = Schemas['Milestone'];
export type ConsortiumProposal = Schemas['ConsortiumProposal'];
export type MatchChain = Schemas['MatchChain'];
export type Region = Schemas['MatchingRegion'];

export const sectors = [
  'automotive_parts',
  'electrical_precision',
  'food_packaging',
  'plastics_chemical',
  'other',
] as const satisfies readonly ClusterSector[];

export const themeKinds = ['joint_development', 'joint_order', 'joint_logistics'] as const satisfies readonly ThemeKind[];
