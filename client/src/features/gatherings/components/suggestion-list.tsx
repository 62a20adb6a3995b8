import { useId, useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '@/components/async-state';
import { MatchExplanation } from '@/components/match-explanation';
import { formatNumber, useI18n } from '@/lib/i18n';
import { useTaxonomyLabels } from '@/lib/taxonomy';
import { useLoaded } from '@/lib/use-loaded';
import { getSuggestions, type MeetingSuggestion } from '../api/get-suggestions';
import type { Gathering, Meeting, Participant } from '../api/types';
import { bookingOpen, otherSide } from '../gathering-rules';
import { MeetingStatusBadge } from './badges';
import { RequestButton } from './request-button';

/**
 * The matching engine's suggestions for a participant (DESIGN §12): the other side's approved participants that fit,
 * best first, each with its score, the step it fits best and why (criterion by criterion); while booking is open, a
 * 「商談を申し込む」 for those not asked yet, otherwise where the meeting stands.
 */
export function SuggestionList({
  gathering,
  me,
  meetings,
  onMeeting,
}: {
  gathering: Gathering;
  me: Participant;
  meetings: readonly Meeting[];
  onMeeting: (meeting: Meeting) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const suggestions = useLoaded(`suggestions-${gathering.id}-${me.id}`, (signal) => getSuggestions(gathering.id, me.id, signal));
  return (
    <section className="inbox__group suggestions" aria-labelledby={id} data-testid="suggestions">
      <h3 id={id}>{t('gatherings.suggestions.heading')}</h3>
      <p className="muted">{t(me.role === 'buyer' ? 'gatherings.suggestions.leadBuyer' : 'gatherings.suggestions.leadSupplier')}</p>
      {suggestions.state.kind === 'loading' && <LoadingState />}
      {suggestions.state.kind === 'error' && <ErrorState error={suggestions.state.error} onRetry={suggestions.reload} />}
      {suggestions.state.kind === 'ready' && suggestions.state.data.length === 0 && <EmptyState>{t('gatherings.suggestions.none')}</EmptyState>}
      {suggestions.state.kind === 'ready' && suggestions.state.data.length > 0 && (
        <ol className="meeting-list">
          {suggestions.state.data.map((suggestion) => (
            <SuggestionItem
              key={suggestion.participantId}
              gathering={gathering}
              me={me}
              suggestion={suggestion}
              meeting={meetings.find((m) => otherSide(m, me.id).id === suggestion.participantId)}
              onMeeting={onMeeting}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function SuggestionItem({
  gathering,
  me,
  suggestion,
  meeting,
  onMeeting,
}: {
  gathering: Gathering;
  me: Participant;
  suggestion: MeetingSuggestion;
  meeting: Meeting | undefined;
  onMeeting: (meeting: Meeting) => void;
}) {
  const { t, language } = useI18n();
  const labelOf = useTaxonomyLabels(['processes']);
  const [open, setOpen] = useState(false);
  const tableId = useId();
  // For a buyer the other side is a site (its profile is public); for a supplier the site is its own.
  const name =
    me.role === 'buyer' ? <Link to={`/suppliers/${suggestion.supplierId}`}>{suggestion.name}</Link> : suggestion.name;
  return (
    <li className="meeting-item suggestion" data-testid="suggestion" data-name={suggestion.name}>
      <div className="meeting-item__line">
        <strong>{name}</strong>
        <span className="suggestion__score" data-testid="suggestion-score">
          {t('gatherings.score', { score: formatNumber(suggestion.score * 100, language, 0) })}
        </span>
        {meeting ? (
          <MeetingStatusBadge status={meeting.status} />
        ) : bookingOpen(gathering) ? (
          <RequestButton gatheringId={gathering.id} withParticipantId={suggestion.participantId} name={suggestion.name} onRequested={onMeeting} />
        ) : null}
      </div>
      <p className="muted" data-testid="suggestion-fit">
        {t('gatherings.suggestions.fit', { process: labelOf('processes', suggestion.processCode), steps: suggestion.stepsFitted })}
      </p>
      <button type="button" className="suggestion__toggle" aria-expanded={open} aria-controls={tableId} onClick={() => setOpen((value) => !value)}>
        {open ? t('matching.hideReasons') : t('matching.showReasons')}
      </button>
      <div id={tableId} hidden={!open} className="suggestion__explanation">
        {open && <MatchExplanation name={suggestion.name} rows={suggestion.explanation} />}
      </div>
    </li>
  );
}
