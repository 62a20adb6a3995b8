import { useId, useState } from 'react';
import { EmptyState, ErrorState, LoadingState } from '@/components/async-state';
import { FieldErrorList } from '@/components/field-error-list';
import { WriteAlert } from '@/components/write-alert';
import { errorsFor } from '@/lib/field-errors';
import { useI18n } from '@/lib/i18n';
import { useLoaded } from '@/lib/use-loaded';
import { listTopics, tableTopic } from '../api/topics';
import type { Gathering, GatheringTopic } from '../api/types';
import { topicTables } from '../gathering-rules';
import { useKept } from '../hooks/use-kept';
import { useWrite } from '../hooks/use-write';
import { TopicItem } from './topic-item';

/**
 * The organisers' view of an exchange meeting's topics and challenges (who posted each, anonymous ones too) and the
 * table each is discussed at: tables are numbered from 1 on screen, from 0 in the API.
 */
export function TopicTablesPanel({ gathering }: { gathering: Gathering }) {
  const { t } = useI18n();
  const id = useId();
  const [round, setRound] = useState(0);
  const topics = useLoaded(`board-topics-${gathering.id}-${round}`, (signal) => listTopics(gathering.id, signal));
  const kept = useKept(topics.state);
  const reload = () => setRound((n) => n + 1);
  const open = kept?.filter((topic) => topic.status === 'open') ?? [];
  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="topic-tables-panel">
      <h2 id={`${id}-heading`}>{t('gatherings.topics.boardHeading', { count: open.length })}</h2>
      <p className="muted">{t('gatherings.topics.boardLead')}</p>
      {topics.state.kind === 'error' && <ErrorState error={topics.state.error} onRetry={topics.reload} />}
      {!kept && topics.state.kind === 'loading' && <LoadingState />}
      {kept &&
        (kept.length === 0 ? (
          <EmptyState>{t('gatherings.topics.none')}</EmptyState>
        ) : (
          <ul className="topic-list">
            {kept.map((topic) => (
              <TopicItem key={topic.id} topic={topic}>
                {topic.status === 'open' && <TableChoice key={topic.version} gathering={gathering} topic={topic} onDone={reload} />}
              </TopicItem>
            ))}
          </ul>
        ))}
    </section>
  );
}

function TableChoice({ gathering, topic, onDone }: { gathering: Gathering; topic: GatheringTopic; onDone: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const { busy, failure, run } = useWrite<GatheringTopic>(() => onDone());
  const tables = topicTables(gathering);
  const messages = failure?.kind === 'invalid' ? errorsFor(failure.errors, 'table') : [];
  return (
    <div className="topic-table">
      {/* Seen beside its topic as "テーブル"; heard with the topic's title. */}
      <label htmlFor={`${id}-table`}>
        <span aria-hidden="true">{t('gatherings.topics.table')}</span>
        <span className="visually-hidden">{t('gatherings.topics.tableOf', { title: topic.title })}</span>
      </label>
      <select
        id={`${id}-table`}
        value={topic.table ?? ''}
        disabled={busy}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={messages.length > 0 ? `${id}-table-errors` : undefined}
        onChange={(event) => void run(() => tableTopic(gathering.id, topic, event.target.value === '' ? null : Number(event.target.value)))}
      >
        <option value="">{t('gatherings.topics.noTable')}</option>
        {Array.from({ length: tables }, (_, table) => (
          <option key={table} value={table}>
            {t('gatherings.tableN', { n: table + 1 })}
          </option>
        ))}
      </select>
      <FieldErrorList id={`${id}-table-errors`} messages={messages} />
      {failure && messages.length === 0 && <WriteAlert failure={failure} onReload={onDone} />}
    </div>
  );
}
