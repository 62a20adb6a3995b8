import { useState } from 'react';
import { Link } from 'react-router';
import { SupplierMap } from '@/components/map';
import { WriteAlert } from '@/components/write-alert';
import { reconfirmSupplier, type SupplierProfile as Profile } from '@/lib/api/suppliers';
import { useSessionState } from '@/lib/auth';
import { formatIsoDate, useI18n, joinList } from '@/lib/i18n';
import { useMunicipalityNames } from '@/lib/places';
import { usePageTitle } from '@/lib/page-title';
import { useTaxonomyLabels } from '@/lib/taxonomy';
import type { WriteFailure } from '@/lib/write-result';
import { LoadedSupplier } from './loaded-supplier';
import { headlineCodes } from './process-headlines';
import { ProfileSections } from './profile-sections';
import './supplier-profile.css';

/** A supplier site's profile: public facts, process headlines, the seven sections, freshness and verification. */
export function SupplierProfile({ id }: { id: string }) {
  return <LoadedSupplier id={id}>{(profile, replace) => <ProfileView profile={profile} onChanged={replace} />}</LoadedSupplier>;
}

export function ProfileView({ profile, onChanged }: { profile: Profile; onChanged?: (profile: Profile) => void }) {
  const { t, language } = useI18n();
  const municipalityName = useMunicipalityNames([profile.municipalityCode])(profile.municipalityCode);
  const labelOf = useTaxonomyLabels([
    'processes',
    'materials',
    'equipment_types',
    'certifications',
    'qualifications',
    'industries',
    'prefectures',
  ]);
  const [reconfirm, setReconfirm] = useState<{ kind: 'idle' | 'busy' | 'done' } | { kind: 'failed'; failure: WriteFailure }>({
    kind: 'idle',
  });

  async function stillAccurate() {
    setReconfirm({ kind: 'busy' });
    const result = await reconfirmSupplier(profile.id);
    if (result.kind === 'ok') {
      onChanged?.(result.data);
      setReconfirm({ kind: 'done' });
    } else {
      setReconfirm({ kind: 'failed', failure: result });
    }
  }

  const description = language === 'en' && profile.descriptionEn ? profile.descriptionEn : profile.descriptionJa;
  const secondaryName = language === 'en' ? profile.nameJa : profile.nameEn;
  const primaryName = language === 'en' && profile.nameEn ? profile.nameEn : profile.nameJa;
  usePageTitle(primaryName, 1);
  const headlines = headlineCodes(profile.processes);
  // A signed-in person may order from any published site directly (DESIGN §11: repeat orders need no request).
  const session = useSessionState();
  const canOrder = session.status === 'signed-in' && profile.status === 'published' && !profile.canEdit;
  const readiness = profile.digitalReadiness;
  const readinessLabels = [
    readiness.edi && t('digital.edi'),
    readiness.onlineOrdering && t('digital.onlineOrdering'),
    readiness.faxOnly && t('digital.faxOnly'),
  ].filter((label): label is string => Boolean(label));

  return (
    <article className="profile" data-testid="supplier-profile">
      <header className="profile__header card">
        <div className="profile__title">
          <h1>{primaryName}</h1>
          {secondaryName && <p className="muted profile__subtitle">{secondaryName}</p>}
          {profile.nameKana && <p className="muted profile__kana">{profile.nameKana}</p>}
        </div>
        <div className="profile__badges">
          {profile.status !== 'published' && (
            <span className="badge badge--off" data-testid="status-badge">
              {t(`status.${profile.status}`)}
            </span>
          )}
          <span
            className={profile.verification.status === 'verified' ? 'badge badge--on' : 'badge'}
            data-testid="verification-status"
          >
            {t(`verification.${profile.verification.status}`)}
            {profile.verification.status === 'verified' && profile.verification.verifiedAt &&
              ` (${formatIsoDate(profile.verification.verifiedAt)})`}
          </span>
          {profile.verification.verifiedBy && (
            <span className="muted">{t('verification.by', { by: profile.verification.verifiedBy })}</span>
          )}
        </div>
        <p className="profile__freshness" data-testid="freshness">
          {t('profile.confirmedAt', { date: formatIsoDate(profile.confirmedAt) })}
        </p>
        <p className="profile__paper">
          <Link className="button button--secondary button--small" to={`/suppliers/${profile.id}/print`} data-testid="company-sheet-link">
            {t('sheet.open')}
          </Link>
          {canOrder && (
            <Link className="button button--small" to={`/orders/new?supplierId=${profile.id}`} data-testid="order-from-site">
              {t('orders.supplierOrder')}
            </Link>
          )}
        </p>
        {profile.canEdit && (
          <div className="profile__owner" data-testid="owner-actions">
            <Link className="button button--secondary" to={`/suppliers/${profile.id}/edit`}>
              {t('profile.edit')}
            </Link>
            <button type="button" className="button" onClick={() => void stillAccurate()} disabled={reconfirm.kind === 'busy'}>
              {reconfirm.kind === 'busy' ? t('profile.reconfirming') : t('profile.reconfirm')}
            </button>
            <span className="muted">{t('profile.reconfirmHint')}</span>
            {reconfirm.kind === 'done' && (
              <p className="notice" role="status">
                {t('profile.reconfirmed')}
              </p>
            )}
            {reconfirm.kind === 'failed' && <WriteAlert failure={reconfirm.failure} />}
          </div>
        )}
      </header>

      <div className="profile__body">
        <section className="card profile__facts" aria-labelledby="facts-heading">
          <h2 id="facts-heading">{t('profile.facts')}</h2>
          <ul className="tags" aria-label={t('supplier.processes')} data-testid="process-headlines">
            {headlines.map((code) => (
              <li key={code} className="tag">
                {labelOf('processes', code)}
              </li>
            ))}
          </ul>
          {description && <p className="profile__description">{description}</p>}
          <dl className="details">
            <dt>{t('facts.place')}</dt>
            <dd>
              {labelOf('prefectures', profile.prefectureCode)}
              {profile.municipalityCode && (
                <span className={municipalityName ? undefined : 'muted'} title={profile.municipalityCode} data-testid="municipality">
                  {' '}
                  {municipalityName ?? t('supplier.municipalityCode', { code: profile.municipalityCode })}
                </span>
              )}
            </dd>
            {profile.address && (
              <>
                <dt>{t('facts.address')}</dt>
                <dd>
                  {profile.postalCode && `〒${profile.postalCode} `}
                  {profile.address}
                </dd>
              </>
            )}
            {profile.strengths && (
              <>
                <dt>{t('facts.strengths')}</dt>
                <dd>{profile.strengths}</dd>
              </>
            )}
            {profile.employees != null && (
              <>
                <dt>{t('facts.employees')}</dt>
                <dd>{t('facts.people', { count: profile.employees })}</dd>
              </>
            )}
            {profile.foundedYear != null && (
              <>
                <dt>{t('facts.foundedYear')}</dt>
                <dd>{profile.foundedYear}</dd>
              </>
            )}
            {profile.capitalJpy != null && (
              <>
                <dt>{t('facts.capital')}</dt>
                <dd>{t('facts.yen', { amount: profile.capitalJpy.toLocaleString(language) })}</dd>
              </>
            )}
            {profile.corporateNumber && (
              <>
                <dt>{t('facts.corporateNumber')}</dt>
                <dd>
                  <code>{profile.corporateNumber}</code>
                </dd>
              </>
            )}
            {profile.industryCodes.length > 0 && (
              <>
                <dt>{t('facts.industries')}</dt>
                <dd>{joinList(profile.industryCodes.map((code) => labelOf('industries', code)), language)}</dd>
              </>
            )}
            {profile.website && (
              <>
                <dt>{t('facts.website')}</dt>
                <dd>
                  <a href={profile.website} rel="noopener noreferrer" target="_blank">
                    {profile.website}
                  </a>
                </dd>
              </>
            )}
            <dt>{t('facts.digital')}</dt>
            <dd>{readinessLabels.length > 0 ? joinList(readinessLabels, language) : t('digital.none')}</dd>
            {profile.answersOrdersBy && (
              <>
                <dt>{t('facts.answersOrdersBy')}</dt>
                <dd data-testid="answers-orders-by">
                  {t(`digital.answers.${profile.answersOrdersBy}`)}
                  <span className="muted"> {t('digital.answersHint')}</span>
                </dd>
              </>
            )}
          </dl>
        </section>
        {profile.location && (
          <section className="card profile__map" aria-label={t('profile.map')}>
            <SupplierMap
              points={[{ id: profile.id, position: profile.location, label: profile.nameJa }]}
              label={t('profile.mapLabel', { name: profile.nameJa })}
              fitKey={profile.id}
              highlightedId={profile.id}
              minSpanKm={40}
              height={260}
            />
          </section>
        )}
      </div>

      <div className="profile__sections">
        <ProfileSections profile={profile} labelOf={labelOf} />
      </div>
    </article>
  );
}
