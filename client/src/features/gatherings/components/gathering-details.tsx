import { Link } from 'react-router';
import { formatDateTime, formatDay, useI18n } from '@/lib/i18n';
import type { ClusterChoice } from '../api/list-clusters';
import type { Gathering } from '../api/types';
import { sessionEnd } from '../timetable';

/** What a gathering is: its day and sessions, where, its windows, capacity, cluster, limits and description. */
export function GatheringDetails({ gathering, cluster }: { gathering: Gathering; cluster: ClusterChoice | null }) {
  const { t, language } = useI18n();
  return (
    <section className="card" aria-labelledby="gathering-details-heading" data-testid="gathering-details">
      <h2 id="gathering-details-heading">{t('gatherings.details')}</h2>
      <dl className="details gathering-details">
        <dt>{t('gatherings.heldOn')}</dt>
        <dd data-testid="gathering-day">{formatDay(gathering.heldOn, language)}</dd>
        <dt>{t('gatherings.sessions')}</dt>
        <dd>
          <ul className="plain-list" data-testid="gathering-sessions">
            {gathering.sessions.map((session, index) => (
              <li key={index}>
                {t('gatherings.sessionLine', {
                  name: session.label || t('gatherings.form.sessionN', { n: index + 1 }),
                  start: session.startsAt,
                  end: sessionEnd(session),
                  minutes: session.slotMinutes,
                  slots: session.slots,
                  tables: session.tables,
                })}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('gatherings.venue')}</dt>
        <dd>
          {gathering.venue ?? t('gatherings.venueUndecided')}
          {gathering.venueAddress && <span className="table__sub">{gathering.venueAddress}</span>}
        </dd>
        {gathering.onlineUrl && (
          <>
            <dt>{t('gatherings.onlineUrl')}</dt>
            <dd>
              <a href={gathering.onlineUrl} rel="noopener noreferrer" target="_blank">
                {gathering.onlineUrl}
              </a>
            </dd>
          </>
        )}
        <dt>{t('gatherings.registrationClosesAt')}</dt>
        <dd>{gathering.registrationClosesAt ? formatDateTime(gathering.registrationClosesAt, language) : t('gatherings.untilBooking')}</dd>
        <dt>{t('gatherings.bookingClosesAt')}</dt>
        <dd>{gathering.bookingClosesAt ? formatDateTime(gathering.bookingClosesAt, language) : t('gatherings.untilSchedule')}</dd>
        <dt>{t('gatherings.capacity')}</dt>
        <dd data-testid="gathering-capacity">{t('gatherings.fill', { participants: gathering.participants, capacity: gathering.capacity })}</dd>
        {cluster && (
          <>
            <dt>{t('gatherings.cluster')}</dt>
            <dd>
              <Link to={`/clusters/${cluster.id}`}>{language === 'en' && cluster.nameEn ? cluster.nameEn : cluster.nameJa}</Link>
            </dd>
          </>
        )}
        <dt>{t('gatherings.limits')}</dt>
        <dd>
          {t('gatherings.limitsLine', {
            requests: gathering.maxRequests,
            meetings: gathering.maxMeetings,
          })}
          {' '}
          {gathering.maxConsecutive > 0 ? t('gatherings.breakAfter', { n: gathering.maxConsecutive }) : t('gatherings.noBreaks')}
        </dd>
      </dl>
      {gathering.description && <p className="gathering-details__description">{gathering.description}</p>}
    </section>
  );
}
