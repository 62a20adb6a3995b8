import { Dashboard } from '@/features/analytics/components/dashboard';

export function AnalyticsRoute() {
  return <Dashboard />;
}
