import { useCallback, useId, useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadMore, LoadingState } from '@/components/async-state';
import { formatDay, useI18n } from '@/lib/i18n';
import { useCursorList } from '@/lib/paging/use-cursor-list';
import { listGatherings } from '../api/list-gatherings';
import { gatheringKinds, type GatheringKind } from '../api/types';
import { useAccount } from '../hooks/use-account';
import { GatheringStatusBadge } from './badges';
import { titleOf } from './gathering-title';
import { japanToday } from './japan-today';
import './gatherings.css';

/**
 * Matching meetings, showcases and exchange meetings (DESIGN §12), the coming ones first (held today or later; the
 * past ones on request), each with its kind, day, venue, state and how full it is. Coordinators also see drafts and
 * create new ones.
 */
export function GatheringList() {
  const { t, language } = useI18n();
  const id = useId();
  const { coordinator } = useAccount();
  const [kind, setKind] = useState<GatheringKind | ''>('');
  const [past, setPast] = useState(false);
  const fetchPage = useCallback(
    (cursor: string | undefined, signal: AbortSignal) =>
      listGatherings({ kind: kind || undefined, from: past ? undefined : japanToday() }, cursor, signal),
    [kind, past],
  );
  const { state, loadMore, reload } = useCursorList(fetchPage);
  const items = state.kind === 'ready' ? state.items : [];

  return (
    <section className="card gatherings" aria-labelledby="gatherings-heading">
      <div className="gatherings__head">
        <h1 id="gatherings-heading">{t('gatherings.listHeading')}</h1>
        {coordinator && (
          <Link className="button" to="/gatherings/new">
            {t('gatherings.new')}
          </Link>
        )}
      </div>
      <p className="muted">{t('gatherings.listLead')}</p>
      <div className="gatherings__filters">
        <div className="form__field">
          <label htmlFor={`${id}-kind`}>{t('gatherings.kind')}</label>
          <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value as GatheringKind | '')}>
            <option value="">{t('gatherings.kindAny')}</option>
            {gatheringKinds.map((value) => (
              <option key={value} value={value}>
                {t(`gatherings.kind.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="form__check">
          <input type="checkbox" checked={past} onChange={(event) => setPast(event.target.checked)} />
          {t('gatherings.showPast')}
        </label>
      </div>
      {state.kind === 'loading' && <LoadingState />}
      {state.kind === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {state.kind === 'ready' && items.length === 0 && <EmptyState>{t('gatherings.none')}</EmptyState>}
      {items.length > 0 && (
        <ul className="gathering-cards" data-testid="gathering-list">
          {items.map((gathering) => (
            <li key={gathering.id} className="gathering-card" data-testid="gathering-row" data-id={gathering.id}>
              <p className="gathering-card__day">{formatDay(gathering.heldOn, language)}</p>
              <h2 className="gathering-card__title">
                <Link to={`/gatherings/${gathering.id}`}>{titleOf(gathering, language)}</Link>
              </h2>
              <p className="gathering-card__facts">
                <span className="tag">{t(`gatherings.kind.${gathering.kind}`)}</span>
                <GatheringStatusBadge status={gathering.status} />
                <span>{gathering.venue ?? (gathering.onlineUrl ? t('gatherings.online') : t('gatherings.venueUndecided'))}</span>
                <span data-testid="gathering-fill">
                  {t('gatherings.fill', { participants: gathering.participants, capacity: gathering.capacity })}
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
      {state.kind === 'ready' && (
        <LoadMore count={items.length} hasMore={state.nextCursor !== null} more={state.more} onLoadMore={loadMore} />
      )}
    </section>
  );
}
