import { useParams } from 'react-router';
import { BoardPage } from '@/features/gatherings/components/board-page';

export function GatheringBoardRoute() {
  const { id = '' } = useParams();
  return <BoardPage key={id} id={id} />;
}
