import { useLocation } from 'react-router';
import { RespondPage } from '@/features/orders/components/respond-page';

export function RespondRoute() {
  // The response link's token is the URL's fragment: read here, sent only in the Order-Link header.
  const { hash } = useLocation();
  return <RespondPage key={hash} hash={hash} />;
}
