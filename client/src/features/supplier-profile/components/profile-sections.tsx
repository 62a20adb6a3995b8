import { envelopeText, lotText, toleranceText } from '@/components/capability-facts';
import { formatIsoDate, formatNumber, useI18n, joinList } from '@/lib/i18n';
import type { LabelOf } from '@/lib/taxonomy';
import type { SupplierProfile } from '@/lib/api/suppliers';
import { NoneRecorded, ProfileSection } from './profile-section';

type Props = { profile: SupplierProfile; labelOf: LabelOf };

const dash = '—';

/** The seven disclosure-controlled sections of a profile, in the order of DESIGN §7. */
export function ProfileSections({ profile, labelOf }: Props) {
  return (
    <>
      <ContactSection profile={profile} labelOf={labelOf} />
      <CapabilitiesSection profile={profile} labelOf={labelOf} />
      <EquipmentSection profile={profile} labelOf={labelOf} />
      <CertificationsSection profile={profile} labelOf={labelOf} />
      <StaffSection profile={profile} labelOf={labelOf} />
      <CapacitySection profile={profile} labelOf={labelOf} />
      <ChallengesSection profile={profile} labelOf={labelOf} />
    </>
  );
}

function ContactSection({ profile }: Props) {
  const { t } = useI18n();
  const contact = profile.contact;
  const any = contact.name || contact.email || contact.phone;
  return (
    <ProfileSection name="contact" title={t('section.contact')} section={contact}>
      {any ? (
        <dl className="details">
          <dt>{t('contact.name')}</dt>
          <dd>{contact.name ?? dash}</dd>
          <dt>{t('contact.email')}</dt>
          <dd>{contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : dash}</dd>
          <dt>{t('contact.phone')}</dt>
          <dd>{contact.phone ?? dash}</dd>
        </dl>
      ) : (
        <NoneRecorded />
      )}
    </ProfileSection>
  );
}

function CapabilitiesSection({ profile, labelOf }: Props) {
  const { t, language } = useI18n();
  const items = profile.capabilities.items ?? [];
  return (
    <ProfileSection name="capabilities" title={t('section.capabilities')} section={profile.capabilities} wide>
      {items.length === 0 ? (
        <NoneRecorded />
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('capability.process')}</th>
                <th scope="col">{t('capability.materials')}</th>
                <th scope="col">{t('capability.envelope')}</th>
                <th scope="col">{t('capability.tolerance')}</th>
                <th scope="col">{t('capability.roughness')}</th>
                <th scope="col">{t('capability.lot')}</th>
                <th scope="col">{t('capability.monthlyCapacity')}</th>
                <th scope="col">{t('capability.leadDays')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>{labelOf('processes', item.processCode)}</td>
                  <td>{joinList(item.materialCodes.map((code) => labelOf('materials', code)), language) || dash}</td>
                  <td className="table__nowrap">
                    {envelopeText(item) ?? dash}
                    {item.maxMassKg != null && <span className="table__sub">{t('capability.mass', { kg: item.maxMassKg })}</span>}
                  </td>
                  <td>{toleranceText(item) ?? dash}</td>
                  <td>{item.roughnessRaUm != null ? `Ra ${item.roughnessRaUm} µm` : dash}</td>
                  <td>{lotText(item) ?? dash}</td>
                  <td>{item.monthlyCapacity ?? dash}</td>
                  <td>{item.leadDays != null ? t('capability.days', { days: item.leadDays }) : dash}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ProfileSection>
  );
}

function EquipmentSection({ profile, labelOf }: Props) {
  const { t } = useI18n();
  const items = profile.equipment.items ?? [];
  return (
    <ProfileSection name="equipment" title={t('section.equipment')} section={profile.equipment} wide>
      {items.length === 0 ? (
        <NoneRecorded />
      ) : (
        <div className="table-scroll">
          <table className="table" data-testid="equipment-table">
            <thead>
              <tr>
                <th scope="col">{t('equipment.type')}</th>
                <th scope="col">{t('equipment.maker')}</th>
                <th scope="col">{t('equipment.model')}</th>
                <th scope="col">{t('equipment.count')}</th>
                <th scope="col">{t('equipment.spec')}</th>
                <th scope="col">{t('equipment.year')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>{labelOf('equipment_types', item.typeCode)}</td>
                  <td>{item.maker ?? dash}</td>
                  <td>{item.model ?? dash}</td>
                  <td>{item.count}</td>
                  <td>{item.specValue != null ? `${item.specValue} ${item.specUnit ?? ''}` : dash}</td>
                  <td>{item.year ?? dash}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ProfileSection>
  );
}

function CertificationsSection({ profile, labelOf }: Props) {
  const { t } = useI18n();
  const items = profile.certifications.items ?? [];
  return (
    <ProfileSection name="certifications" title={t('section.certifications')} section={profile.certifications}>
      {items.length === 0 ? (
        <NoneRecorded />
      ) : (
        <ul className="plain-list">
          {items.map((item) => (
            <li key={item.id}>
              <strong>{labelOf('certifications', item.code)}</strong>
              {item.number && <span className="muted"> {t('certification.number', { number: item.number })}</span>}
              {item.validUntil && <span className="muted"> {t('certification.validUntil', { date: item.validUntil })}</span>}
              {item.expired && <span className="badge badge--off"> {t('certification.expired')}</span>}
            </li>
          ))}
        </ul>
      )}
    </ProfileSection>
  );
}

function StaffSection({ profile, labelOf }: Props) {
  const { t } = useI18n();
  const items = profile.staff.items ?? [];
  return (
    <ProfileSection name="staff" title={t('section.staff')} section={profile.staff}>
      {items.length === 0 ? (
        <NoneRecorded />
      ) : (
        <ul className="plain-list">
          {items.map((item) => (
            <li key={item.id}>
              {labelOf('qualifications', item.qualificationCode)}: {t('staff.headcount', { count: item.headcount })}
            </li>
          ))}
        </ul>
      )}
    </ProfileSection>
  );
}

function CapacitySection({ profile }: Props) {
  const { t, language } = useI18n();
  const capacity = profile.capacity;
  return (
    <ProfileSection name="capacity" title={t('section.capacity')} section={capacity}>
      <dl className="details">
        <dt>{t('capacity.contractAcceptance')}</dt>
        <dd>{capacity.contractAcceptance ? t(`contract.${capacity.contractAcceptance}`) : dash}</dd>
        <dt>{t('capacity.spare')}</dt>
        <dd data-testid="spare-capacity">
          {capacity.spareCapacityExpired ? (
            <span className="badge badge--off">
              {t('capacity.spareExpired', { date: capacity.spareCapacityValidUntil ?? dash })}
            </span>
          ) : capacity.spareCapacityPct != null ? (
            <>
              {formatNumber(capacity.spareCapacityPct, language, 0)} %
              {capacity.spareCapacityValidUntil && (
                <span className="muted"> {t('capacity.validUntil', { date: formatIsoDate(capacity.spareCapacityValidUntil) })}</span>
              )}
            </>
          ) : (
            <span className="muted">{t('capacity.undeclared')}</span>
          )}
        </dd>
        <dt>{t('capacity.typicalLeadDays')}</dt>
        <dd>{capacity.typicalLeadDays != null ? t('capability.days', { days: capacity.typicalLeadDays }) : dash}</dd>
        <dt>{t('capacity.minLot')}</dt>
        <dd>{capacity.minLot ?? dash}</dd>
      </dl>
    </ProfileSection>
  );
}

function ChallengesSection({ profile }: Props) {
  const { t } = useI18n();
  const challenges = profile.challenges;
  return (
    <ProfileSection name="challenges" title={t('section.challenges')} section={challenges}>
      {challenges.weaknesses || challenges.challenges ? (
        <dl className="details">
          <dt>{t('challenges.weaknesses')}</dt>
          <dd>{challenges.weaknesses ?? dash}</dd>
          <dt>{t('challenges.challenges')}</dt>
          <dd>{challenges.challenges ?? dash}</dd>
        </dl>
      ) : (
        <NoneRecorded />
      )}
    </ProfileSection>
  );
}
