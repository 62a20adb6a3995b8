import type { Schemas } from '@/lib/api-client';

export type RegionCoverage = Schemas['RegionCoverage'];
export type CoverageRow = Schemas['CoverageRow'];
export type RegionIndicators = Schemas['RegionIndicators'];
export type DemandGaps = Schemas['DemandGaps'];
export type DemandRow = Schemas['DemandRow'];

/** The region the dashboard looks at: prefectures, a radius around a point, both, or neither (the whole registry). */
export interface RegionQuery {
  prefecture: string[];
  lat?: number;
  lon?: number;
  withinKm?: number;
}
export type OrderIndicators = Schemas['OrderIndicators'];
export type OrderIndicatorCell = Schemas['OrderIndicatorCell'];
export type GatheringFunnel = Schemas['GatheringFunnel'];
export type GatheringFunnelRow = Schemas['GatheringFunnelRow'];
export type ClusterFunnelRow = Schemas['ClusterFunnelRow'];
export type FunnelCounts = Schemas['FunnelCounts'];
