import type { Schemas } from '@/lib/api-client';

export type Order = Schemas['Order'];
export type OrderRoute = Schemas['OrderRoute'];
export type OrderStatus = Schemas['OrderStatus'];
export type OrderLine = Schemas['OrderLine'];
export type OrderLineInput = Schemas['OrderLineInput'];
export type OrderLegInput = Schemas['OrderLegInput'];
export type OrderRouteInput = Schemas['OrderRouteInput'];
export type OrderMilestone = Schemas['OrderMilestone'];
export type OrderMilestoneInput = Schemas['OrderMilestoneInput'];
export type OrderMilestoneKind = Schemas['OrderMilestoneKind'];
export type OrderProposalInput = Schemas['OrderProposalInput'];
export type OrderShipmentInput = Schemas['OrderShipmentInput'];
export type OrderReceiptInput = Schemas['OrderReceiptInput'];
export type OrderLink = Schemas['OrderLink'];
export type OrderLinkCreated = Schemas['OrderLinkCreated'];
export type NeighbourLeg = Schemas['NeighbourLeg'];
export type QualityAssurance = Schemas['QualityAssurance'];

export const orderStatuses: readonly OrderStatus[] = [
  'draft',
  'sent',
  'accepted',
  'rejected',
  'proposed',
  'in_progress',
  'shipped',
  'received',
  'closed',
  'cancelled',
];
export type OrderMilestonesInputBody = Schemas['OrderMilestonesInput'];
