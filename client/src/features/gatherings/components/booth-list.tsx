import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '@/components/async-state';
import { CapabilityFacts } from '@/components/capability-facts';
import { useI18n } from '@/lib/i18n';
import { useMunicipalityNames, type NameOf } from '@/lib/places';
import { useTaxonomyLabels, type LabelOf } from '@/lib/taxonomy';
import { useLoaded } from '@/lib/use-loaded';
import { listBooths } from '../api/booths';
import type { Booth, Gathering } from '../api/types';

/** A showcase's exhibitors on its page: the booths, and the way to the list to print. */
export function BoothsSection({ gathering }: { gathering: Gathering }) {
  const { t } = useI18n();
  const booths = useLoaded(`booths-${gathering.id}-${gathering.version}`, (signal) => listBooths(gathering.id, signal));
  return (
    <section className="card" aria-labelledby="booths-heading" data-testid="booths-section">
      <h2 id="booths-heading">{t('gatherings.booths.heading')}</h2>
      <p className="muted">{t('gatherings.booths.lead')}</p>
      {booths.state.kind === 'loading' && <LoadingState />}
      {booths.state.kind === 'error' && <ErrorState error={booths.state.error} onRetry={booths.reload} />}
      {booths.state.kind === 'ready' &&
        (booths.state.data.length === 0 ? (
          <EmptyState>{t('gatherings.booths.none')}</EmptyState>
        ) : (
          <>
            <p>
              <Link to={`/gatherings/${gathering.id}/booths`}>{t('gatherings.booths.printable')}</Link>
            </p>
            <BoothList booths={booths.state.data} />
          </>
        ))}
    </section>
  );
}

/** The booths in the API's order (by booth, those without one last); each firm's name a heading one below the list's. */
export function BoothList({ booths, level = 3 }: { booths: readonly Booth[]; level?: 2 | 3 }) {
  const labelOf = useTaxonomyLabels(['processes', 'materials', 'equipment_types']);
  const nameOf = useMunicipalityNames(booths.map((b) => b.municipalityCode));
  return (
    <ul className="booth-list" data-testid="booth-list">
      {booths.map((booth) => (
        <BoothCard key={booth.participantId} booth={booth} labelOf={labelOf} nameOf={nameOf} level={level} />
      ))}
    </ul>
  );
}

function BoothCard({ booth, labelOf, nameOf, level }: { booth: Booth; labelOf: LabelOf; nameOf: NameOf; level: 2 | 3 }) {
  const { t, language } = useI18n();
  const Heading = level === 2 ? 'h2' : 'h3';
  const name = language === 'en' && booth.nameEn ? booth.nameEn : booth.nameJa;
  const place = booth.municipalityCode ? (nameOf(booth.municipalityCode) ?? null) : null;
  return (
    <li className="booth" data-testid="booth" data-participant={booth.participantId}>
      <div className="booth__head">
        <span className={booth.number ? 'booth__number' : 'booth__number booth__number--none'} data-testid="booth-number">
          {booth.number ? t('gatherings.booths.number', { number: booth.number }) : t('gatherings.booths.noNumber')}
        </span>
        <Heading className="booth__firm">
          <Link to={`/suppliers/${booth.supplierId}`} data-testid="booth-firm">
            {name}
          </Link>
        </Heading>
        {place && (
          <span className="booth__place" data-testid="booth-municipality" title={booth.municipalityCode ?? undefined}>
            {place}
          </span>
        )}
      </div>
      {booth.shows && <p className="booth__shows">{booth.shows}</p>}
      <dl className="booth__facts">
        <dt>{t('gatherings.booths.processes')}</dt>
        <dd>
          {booth.processes.length === 0 ? (
            <span className="muted">{t('gatherings.booths.noProcesses')}</span>
          ) : (
            <ul className="booth__items booth__processes">
              {booth.processes.map((process) => (
                <li key={process.processCode} data-testid="booth-process" data-code={process.processCode}>
                  <strong>{labelOf('processes', process.processCode)}</strong>
                  {booth.capabilitiesHidden ? (
                    <span className="badge badge--off booth__hidden" data-testid="booth-capabilities-hidden">
                      {t('gatherings.booths.hidden')}
                    </span>
                  ) : process.capabilities.length === 0 ? (
                    <span className="muted"> {t('gatherings.booths.noCapabilities')}</span>
                  ) : (
                    <ul className="booth__items booth__capabilities">
                      {process.capabilities.map((capability) => (
                        <li key={capability.id} data-testid="booth-capability">
                          {capability.processCode !== process.processCode && (
                            <span className="booth__sub-process">{labelOf('processes', capability.processCode)}</span>
                          )}
                          <CapabilityFacts item={capability} labelOf={labelOf} />
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('gatherings.booths.equipment')}</dt>
        <dd>
          {booth.equipmentHidden ? (
            <span className="badge badge--off booth__hidden" data-testid="booth-equipment-hidden">
              {t('gatherings.booths.hidden')}
            </span>
          ) : booth.equipment.length === 0 ? (
            <span className="muted">{t('gatherings.booths.noEquipment')}</span>
          ) : (
            <ul className="booth__items">
              {booth.equipment.map((item) => (
                <li key={item.id} data-testid="booth-equipment">
                  {[labelOf('equipment_types', item.typeCode), item.maker, item.model].filter(Boolean).join(' · ')}
                  {item.count > 1 && <span className="muted table__nowrap"> {t('gatherings.booths.count', { count: item.count })}</span>}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </li>
  );
}
