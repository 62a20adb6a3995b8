import { useParams, useSearchParams } from 'react-router';
import { AgendaPage } from '@/features/gatherings/components/agenda-page';

export function GatheringAgendaRoute() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  // Organisers read anyone's agenda; a participant with two registrations (buyer and supplier) names one.
  const participantId = params.get('participantId') ?? undefined;
  return <AgendaPage key={`${id}-${participantId ?? ''}`} id={id} participantId={participantId} />;
}
