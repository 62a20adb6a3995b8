import { useParams } from 'react-router';
import { TablePlanPage } from '@/features/gatherings/components/table-plan-page';

export function GatheringTablePlanRoute() {
  const { id = '' } = useParams();
  return <TablePlanPage key={id} id={id} />;
}
