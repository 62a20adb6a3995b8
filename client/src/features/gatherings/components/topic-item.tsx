import type { ReactNode } from 'react';
import { formatDateTime, useI18n } from '@/lib/i18n';
import type { GatheringTopic } from '../api/types';

/**
 * One topic or challenge: its kind, title and text, 匿名 when the firm's name is kept from the other participants,
 * who posted it when the reader may know (organisers always; the others only when it is not anonymous), the table it
 * is discussed at (1-based), and the reader's own actions.
 */
export function TopicItem({ topic, children }: { topic: GatheringTopic; children?: ReactNode }) {
  const { t, language } = useI18n();
  return (
    <li
      className={`topic topic--${topic.kind}${topic.status === 'withdrawn' ? ' topic--withdrawn' : ''}`}
      data-testid="topic"
      data-kind={topic.kind}
      data-status={topic.status}
    >
      <div className="topic__head">
        <span className="topic__kind" data-testid="topic-kind">
          {t(`gatherings.topics.kind.${topic.kind}`)}
        </span>
        {topic.anonymous && (
          <span className="badge badge--off" data-testid="topic-anonymous">
            {t('gatherings.topics.anonymous')}
          </span>
        )}
        {topic.mine && <span className="badge badge--on">{t('gatherings.topics.mine')}</span>}
        {topic.status === 'withdrawn' && (
          <span className="badge badge--off" data-testid="topic-withdrawn">
            {t('gatherings.topics.status.withdrawn')}
          </span>
        )}
        <h3>{topic.title}</h3>
      </div>
      {topic.body && <p className="topic__body">{topic.body}</p>}
      <p className="topic__meta">
        <span data-testid="topic-table">
          {topic.table != null ? t('gatherings.tableN', { n: topic.table + 1 }) : t('gatherings.topics.noTable')}
        </span>
        {topic.postedBy && (
          <>
            {' · '}
            <span data-testid="topic-poster">
              {topic.anonymous
                ? t('gatherings.topics.postedByAnonymous', { name: topic.postedBy })
                : t('gatherings.topics.postedBy', { name: topic.postedBy })}
            </span>
          </>
        )}
        {' · '}
        {formatDateTime(topic.createdAt, language)}
      </p>
      {children}
    </li>
  );
}
