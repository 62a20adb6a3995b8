import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '@/components/async-state';
import { useConfirm } from '@/components/confirm-dialog';
import { WriteAlert } from '@/components/write-alert';
import { useI18n } from '@/lib/i18n';
import { useLoaded } from '@/lib/use-loaded';
import { listTopics, withdrawTopic } from '../api/topics';
import type { Gathering, GatheringTopic, Participant } from '../api/types';
import { topicsOpen } from '../gathering-rules';
import { useKept } from '../hooks/use-kept';
import { useWrite } from '../hooks/use-write';
import { TopicForm } from './topic-form';
import { TopicItem } from './topic-item';

/**
 * An exchange meeting's topics and challenges on its page (signed-in readers): the list the API gives the reader, the
 * form to bring one while they are collected (approved participants), and withdrawing one's own. Organisers give
 * tables on the board.
 */
export function TopicsSection({
  gathering,
  registrations,
  organiser,
}: {
  gathering: Gathering;
  /** The reader's approved registrations. */
  registrations: readonly Participant[];
  organiser: boolean;
}) {
  const { t } = useI18n();
  const [round, setRound] = useState(0);
  const topics = useLoaded(`topics-${gathering.id}-${round}`, (signal) => listTopics(gathering.id, signal));
  const kept = useKept(topics.state);
  const reload = () => setRound((n) => n + 1);
  const open = topicsOpen(gathering);
  const takesPart = organiser || registrations.length > 0;

  return (
    <section className="card" aria-labelledby="topics-heading" data-testid="topics-section">
      <h2 id="topics-heading">{t('gatherings.topics.heading')}</h2>
      <p className="muted">{t('gatherings.topics.lead')}</p>
      {organiser && (
        <p>
          <Link to={`/gatherings/${gathering.id}/board`}>{t('gatherings.topics.tablesOnBoard')}</Link>
        </p>
      )}
      {topics.state.kind === 'error' && <ErrorState error={topics.state.error} onRetry={topics.reload} />}
      {!kept && topics.state.kind === 'loading' && <LoadingState />}
      {kept &&
        (kept.length === 0 ? (
          <EmptyState>{takesPart ? t('gatherings.topics.none') : t('gatherings.topics.forParticipants')}</EmptyState>
        ) : (
          <ul className="topic-list" data-testid="topic-list">
            {kept.map((topic) => (
              <TopicItem key={topic.id} topic={topic}>
                {topic.mine && topic.status === 'open' && open && <WithdrawButton gathering={gathering} topic={topic} onDone={reload} />}
              </TopicItem>
            ))}
          </ul>
        ))}
      {open && registrations.length > 0 && <TopicForm gathering={gathering} registrations={registrations} onPosted={reload} />}
      {!open && registrations.length > 0 && <p className="muted">{t('gatherings.topics.closed')}</p>}
    </section>
  );
}

function WithdrawButton({ gathering, topic, onDone }: { gathering: Gathering; topic: GatheringTopic; onDone: () => void }) {
  const { t } = useI18n();
  const { confirm, dialog } = useConfirm();
  const { busy, failure, run } = useWrite<GatheringTopic>(() => onDone());

  async function withdraw() {
    const ok = await confirm({
      title: t('gatherings.topics.confirmWithdraw', { title: topic.title }),
      body: <p>{t('gatherings.topics.confirmWithdrawBody')}</p>,
      confirmLabel: t('gatherings.topics.withdraw'),
      danger: true,
    });
    if (ok) {
      await run(() => withdrawTopic(gathering.id, topic));
    }
  }

  return (
    <>
      <p>
        <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => void withdraw()}>
          {t('gatherings.topics.withdraw')}
        </button>
      </p>
      {failure && <WriteAlert failure={failure} onReload={onDone} />}
      {dialog}
    </>
  );
}
