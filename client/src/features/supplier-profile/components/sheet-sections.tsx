import type { ReactNode } from 'react';
import type { SupplierProfile } from '@/lib/api/suppliers';
import { formatIsoDate, formatNumber, joinList, useI18n } from '@/lib/i18n';
import type { LabelOf } from '@/lib/taxonomy';

type Props = { profile: SupplierProfile; labelOf: LabelOf };

const dash = '—';

/**
 * One disclosure-controlled part of the company sheet. A section the reader may not see says 非公開 and who may see
 * it; it is never left out or shown as empty, which would claim the site has nothing there.
 */
function SheetSection({
  name,
  title,
  section,
  empty,
  children,
}: {
  name: string;
  title: string;
  section: { level: 'public' | 'members' | 'coordinators'; hidden: boolean };
  /** The section is visible but has nothing recorded. */
  empty: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section className="sheet-section" aria-labelledby={`sheet-${name}-heading`} data-testid={`sheet-${name}`} data-hidden={section.hidden}>
      <h2 id={`sheet-${name}-heading`}>{title}</h2>
      {section.hidden ? (
        <p className="sheet-section__hidden" data-testid="sheet-hidden">
          {t('section.hidden', { level: t(`disclosure.${section.level}`) })}
        </p>
      ) : empty ? (
        <p className="sheet-section__empty" data-testid="sheet-empty">
          {t('section.none')}
        </p>
      ) : (
        children
      )}
    </section>
  );
}

/** The sections of the sheet below its facts: what it can do, with what, its papers, people, capacity and contact. */
export function SheetSections({ profile, labelOf }: Props) {
  return (
    <>
      <CapabilitiesPart profile={profile} labelOf={labelOf} />
      <EquipmentPart profile={profile} labelOf={labelOf} />
      <div className="sheet__pair">
        <CertificationsPart profile={profile} labelOf={labelOf} />
        <StaffPart profile={profile} labelOf={labelOf} />
      </div>
      <div className="sheet__pair">
        <CapacityPart profile={profile} labelOf={labelOf} />
        <ContactPart profile={profile} labelOf={labelOf} />
      </div>
    </>
  );
}

function envelope(item: NonNullable<SupplierProfile['capabilities']['items']>[number]): string | null {
  if (item.maxXMm == null && item.maxYMm == null && item.maxZMm == null) {
    return null;
  }
  return `${item.maxXMm ?? '?'} × ${item.maxYMm ?? '?'} × ${item.maxZMm ?? '?'} mm`;
}

function CapabilitiesPart({ profile, labelOf }: Props) {
  const { t, language } = useI18n();
  const items = profile.capabilities.items ?? [];
  return (
    <SheetSection name="capabilities" title={t('section.capabilities')} section={profile.capabilities} empty={items.length === 0}>
      <div className="sheet-table-scroll">
        <table className="sheet-table">
          <thead>
            <tr>
              <th scope="col">{t('capability.process')}</th>
              <th scope="col">{t('capability.materials')}</th>
              <th scope="col">{t('capability.envelope')}</th>
              <th scope="col">{t('sheet.precision')}</th>
              <th scope="col">{t('capability.lot')}</th>
              <th scope="col">{t('capability.leadDays')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const precision = [
                item.bestToleranceUm != null && `±${item.bestToleranceUm} µm`,
                item.roughnessRaUm != null && `Ra ${item.roughnessRaUm} µm`,
              ].filter(Boolean);
              return (
                <tr key={item.id}>
                  <th scope="row">{labelOf('processes', item.processCode)}</th>
                  <td>{joinList(item.materialCodes.map((code) => labelOf('materials', code)), language) || dash}</td>
                  <td className="sheet-table__nowrap">
                    {envelope(item) ?? dash}
                    {item.maxMassKg != null && <span className="sheet-table__sub">{t('capability.mass', { kg: item.maxMassKg })}</span>}
                  </td>
                  <td>{precision.length > 0 ? precision.join(' / ') : dash}</td>
                  <td className="sheet-table__nowrap">
                    {item.lotMin != null || item.lotMax != null ? `${item.lotMin ?? ''}–${item.lotMax ?? ''}` : dash}
                  </td>
                  <td>{item.leadDays != null ? t('capability.days', { days: item.leadDays }) : dash}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </SheetSection>
  );
}

function EquipmentPart({ profile, labelOf }: Props) {
  const { t } = useI18n();
  const items = profile.equipment.items ?? [];
  return (
    <SheetSection name="equipment" title={t('section.equipment')} section={profile.equipment} empty={items.length === 0}>
      <div className="sheet-table-scroll">
        <table className="sheet-table">
          <thead>
            <tr>
              <th scope="col">{t('equipment.type')}</th>
              <th scope="col">{t('sheet.makerModel')}</th>
              <th scope="col" className="sheet-table__number">
                {t('equipment.count')}
              </th>
              <th scope="col">{t('equipment.spec')}</th>
              <th scope="col">{t('equipment.year')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <th scope="row">{labelOf('equipment_types', item.typeCode)}</th>
                <td>{[item.maker, item.model].filter(Boolean).join(' ') || dash}</td>
                <td className="sheet-table__number">{item.count}</td>
                <td>{item.specValue != null ? `${item.specValue} ${item.specUnit ?? ''}`.trim() : dash}</td>
                <td>{item.year ?? dash}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </SheetSection>
  );
}

function CertificationsPart({ profile, labelOf }: Props) {
  const { t } = useI18n();
  const items = profile.certifications.items ?? [];
  return (
    <SheetSection name="certifications" title={t('section.certifications')} section={profile.certifications} empty={items.length === 0}>
      <ul className="sheet-list">
        {items.map((item) => (
          <li key={item.id}>
            <strong>{labelOf('certifications', item.code)}</strong>
            {item.number && <span className="sheet-muted"> {t('certification.number', { number: item.number })}</span>}
            {item.validUntil && <span className="sheet-muted"> {t('certification.validUntil', { date: item.validUntil })}</span>}
            {item.expired && <span className="sheet-flag"> {t('certification.expired')}</span>}
          </li>
        ))}
      </ul>
    </SheetSection>
  );
}

function StaffPart({ profile, labelOf }: Props) {
  const { t } = useI18n();
  const items = profile.staff.items ?? [];
  return (
    <SheetSection name="staff" title={t('section.staff')} section={profile.staff} empty={items.length === 0}>
      <ul className="sheet-list">
        {items.map((item) => (
          <li key={item.id}>
            {labelOf('qualifications', item.qualificationCode)}: {t('staff.headcount', { count: item.headcount })}
          </li>
        ))}
      </ul>
    </SheetSection>
  );
}

function CapacityPart({ profile }: Props) {
  const { t, language } = useI18n();
  const capacity = profile.capacity;
  return (
    <SheetSection name="capacity" title={t('section.capacity')} section={capacity} empty={false}>
      <dl className="sheet-facts">
        <dt>{t('capacity.contractAcceptance')}</dt>
        <dd>{capacity.contractAcceptance ? t(`contract.${capacity.contractAcceptance}`) : dash}</dd>
        <dt>{t('capacity.spare')}</dt>
        <dd>
          {capacity.spareCapacityExpired
            ? t('capacity.spareExpired', { date: capacity.spareCapacityValidUntil ?? dash })
            : capacity.spareCapacityPct != null
              ? `${formatNumber(capacity.spareCapacityPct, language, 0)} %${
                  capacity.spareCapacityValidUntil ? ` ${t('capacity.validUntil', { date: formatIsoDate(capacity.spareCapacityValidUntil) })}` : ''
                }`
              : t('capacity.undeclared')}
        </dd>
        <dt>{t('capacity.typicalLeadDays')}</dt>
        <dd>{capacity.typicalLeadDays != null ? t('capability.days', { days: capacity.typicalLeadDays }) : dash}</dd>
        <dt>{t('capacity.minLot')}</dt>
        <dd>{capacity.minLot ?? dash}</dd>
      </dl>
    </SheetSection>
  );
}

function ContactPart({ profile }: Props) {
  const { t } = useI18n();
  const contact = profile.contact;
  return (
    <SheetSection name="contact" title={t('section.contact')} section={contact} empty={!(contact.name || contact.email || contact.phone)}>
      <dl className="sheet-facts">
        <dt>{t('contact.name')}</dt>
        <dd>{contact.name ?? dash}</dd>
        <dt>{t('contact.email')}</dt>
        <dd>{contact.email ?? dash}</dd>
        <dt>{t('contact.phone')}</dt>
        <dd>{contact.phone ?? dash}</dd>
      </dl>
    </SheetSection>
  );
}
