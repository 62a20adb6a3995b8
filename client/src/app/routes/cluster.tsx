import { useParams } from 'react-router';
import { ClusterPage } from '@/features/clusters/components/cluster-page';
import type { RenderChain } from '@/features/clusters/components/consortium-view';
import { ChainView } from '@/features/matching/components/chain-view';

// A joint order's consortium is a chain like a matching request's: the app hands matching's chain view (steps, legs,
// completeness, gaps, map) to the cluster page, so neither feature imports the other.
const renderChain: RenderChain = (chain, processOf) => <ChainView chain={chain} n={1} processOf={processOf} />;

export function ClusterRoute() {
  const { id = '' } = useParams();
  // A new id is a new page: nothing of the previous cluster's state carries over.
  return <ClusterPage key={id} id={id} renderChain={renderChain} />;
}
