import { useI18n } from '@/lib/i18n';
import type { Meeting, ScheduleResult } from '../api/types';

/**
 * What a schedule run came to: accepted and placed meetings against the upper bound (no schedule can place more),
 * the meetings left out and the pinned ones that break a rule — by their two sides — and the idle gaps.
 */
export function ScheduleResultView({ result, meetings }: { result: ScheduleResult; meetings?: readonly Meeting[] }) {
  const { t } = useI18n();
  const pair = (id: string) => {
    const meeting = meetings?.find((m) => m.id === id);
    return meeting ? t('gatherings.pair', { buyer: meeting.buyerName, supplier: meeting.supplierName }) : t('gatherings.unknownMeeting');
  };
  return (
    <section className="schedule-result" aria-labelledby="schedule-result-heading" data-testid="schedule-result">
      <h3 id="schedule-result-heading">{t('gatherings.schedule.heading')}</h3>
      <ul className="schedule-result__figures">
        <li>
          <span className="schedule-result__figure" data-testid="schedule-placed">{result.placed}</span>
          {t('gatherings.schedule.placed', { accepted: result.accepted })}
        </li>
        <li>
          <span className="schedule-result__figure" data-testid="schedule-bound">{result.upperBound}</span>
          {t('gatherings.schedule.upperBound')}
        </li>
        <li>
          <span className="schedule-result__figure" data-testid="schedule-unplaced">{result.unplaced.length}</span>
          {t('gatherings.schedule.unplaced')}
        </li>
        <li>
          <span className="schedule-result__figure" data-testid="schedule-conflicts">{result.pinnedConflicts.length}</span>
          {t('gatherings.schedule.pinnedConflicts')}
        </li>
        <li>
          <span className="schedule-result__figure" data-testid="schedule-gaps">{result.idleGaps}</span>
          {t('gatherings.schedule.idleGaps')}
        </li>
      </ul>
      <p className="muted">
        {result.placed >= result.upperBound ? t('gatherings.schedule.optimal') : t('gatherings.schedule.belowBound', { missing: result.upperBound - result.placed })}
      </p>
      {!meetings && (result.unplaced.length > 0 || result.pinnedConflicts.length > 0) && <p>{t('gatherings.schedule.seeBoard')}</p>}
      {meetings && result.unplaced.length > 0 && (
        <>
          <h4>{t('gatherings.schedule.unplacedList')}</h4>
          <ul data-testid="schedule-unplaced-list">
            {result.unplaced.map((id) => (
              <li key={id}>{pair(id)}</li>
            ))}
          </ul>
        </>
      )}
      {meetings && result.pinnedConflicts.length > 0 && (
        <>
          <h4>{t('gatherings.schedule.conflictList')}</h4>
          <ul data-testid="schedule-conflict-list">
            {result.pinnedConflicts.map((id) => (
              <li key={id}>{pair(id)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
