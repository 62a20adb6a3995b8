import { NewSite } from '@/features/site-editor/components/new-site';

export function NewSiteRoute() {
  return <NewSite />;
}
