import { useEffect } from 'react';
import { Link } from 'react-router';
import { QrCode } from '@/components/qr-code';
import type { SupplierProfile } from '@/lib/api/suppliers';
import { formatIsoDate, joinList, useI18n } from '@/lib/i18n';
import { useMunicipalityNames } from '@/lib/places';
import { usePageTitle } from '@/lib/page-title';
import { useTaxonomyLabels } from '@/lib/taxonomy';
import { LoadedSupplier } from './loaded-supplier';
import { headlineCodes } from './process-headlines';
import { SheetSections } from './sheet-sections';
import './company-sheet.css';

/**
 * 会社概要: a supplier's profile as an A4 company sheet to print or save as PDF. The same profile the page shows, so
 * the same sections are masked (the API masks them); a masked one says 非公開. On screen a bar above the sheet offers
 * printing and the way back; on paper only the sheet is printed (the site's header and the bar are not).
 */
export function CompanySheet({ id }: { id: string }) {
  return (
    <LoadedSupplier id={id}>
      {(profile) => <CompanySheetView profile={profile} profileUrl={`${window.location.origin}/suppliers/${profile.id}`} />}
    </LoadedSupplier>
  );
}

/** A CSS string literal of `text`. */
function cssString(text: string): string {
  return `"${text.replace(/["\\]/g, '\\$&').replace(/[\r\n]+/g, ' ')}"`;
}

/**
 * Puts `text` in the bottom-left margin box of printed pages while the sheet is on screen. Through a constructed
 * style sheet: the page's Content-Security-Policy refuses inline <style> elements, not the CSS object model.
 */
function usePageMarginText(text: string) {
  useEffect(() => {
    if (typeof CSSStyleSheet === 'undefined' || !('replaceSync' in CSSStyleSheet.prototype) || !document.adoptedStyleSheets) {
      return;
    }
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`@page { @bottom-left { content: ${cssString(text)}; font-size: 8pt; color: #555; } }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    };
  }, [text]);
}

export function CompanySheetView({
  profile,
  profileUrl,
  printedOn = new Date(),
}: {
  profile: SupplierProfile;
  /** Where the online profile is: printed and as a QR code. */
  profileUrl: string;
  printedOn?: Date;
}) {
  const { t, language } = useI18n();
  const labelOf = useTaxonomyLabels([
    'processes',
    'materials',
    'equipment_types',
    'certifications',
    'qualifications',
    'industries',
    'prefectures',
  ]);
  const primaryName = language === 'en' && profile.nameEn ? profile.nameEn : profile.nameJa;
  const secondaryName = language === 'en' ? profile.nameJa : profile.nameEn;
  usePageTitle(t('sheet.pageTitle', { name: primaryName }), 1);
  // Every printed page names where it came from and when, in its bottom margin (where margin boxes are drawn).
  usePageMarginText(`${t('app.name')} · ${t('sheet.printedOn', { date: formatIsoDate(printedOn) })}`);
  const prefecture = labelOf('prefectures', profile.prefectureCode);
  const municipality = useMunicipalityNames([profile.municipalityCode])(profile.municipalityCode);
  const description = language === 'en' && profile.descriptionEn ? profile.descriptionEn : profile.descriptionJa;
  const readiness = profile.digitalReadiness;
  const readinessLabels = [
    readiness.edi && t('digital.edi'),
    readiness.onlineOrdering && t('digital.onlineOrdering'),
    readiness.faxOnly && t('digital.faxOnly'),
  ].filter((label): label is string => Boolean(label));

  return (
    <div className="sheet-page">
      <div className="sheet-toolbar" data-testid="sheet-toolbar">
        <Link to={`/suppliers/${profile.id}`}>{t('sheet.back')}</Link>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('sheet.print')}
        </button>
        <p className="muted sheet-toolbar__hint">{t('sheet.hint')}</p>
      </div>

      <article className="sheet" data-testid="company-sheet" lang={language}>
        <header className="sheet__head">
          <div className="sheet__names">
            <p className="sheet__kicker">{t('sheet.kicker')}</p>
            {profile.nameKana && language === 'ja' && <p className="sheet__kana">{profile.nameKana}</p>}
            <h1 className="sheet__name" data-testid="sheet-name">
              {primaryName}
            </h1>
            {secondaryName && <p className="sheet__secondary">{secondaryName}</p>}
            {profile.nameKana && language === 'en' && <p className="sheet__secondary">{profile.nameKana}</p>}
            <p className="sheet__status">
              {t(`verification.${profile.verification.status}`)}
              {profile.verification.status === 'verified' && profile.verification.verifiedAt && ` (${formatIsoDate(profile.verification.verifiedAt)})`}
              {' · '}
              {t('profile.confirmedAt', { date: formatIsoDate(profile.confirmedAt) })}
              {profile.status !== 'published' && (
                <>
                  {' · '}
                  <strong>{t(`status.${profile.status}`)}</strong>
                </>
              )}
            </p>
          </div>
          <figure className="sheet__qr">
            <QrCode text={profileUrl} size="24mm" label={t('sheet.qrLabel', { url: profileUrl })} testId="sheet-qr" />
            <figcaption>{t('sheet.qrCaption')}</figcaption>
          </figure>
        </header>

        <section className="sheet-section" aria-labelledby="sheet-facts-heading" data-testid="sheet-facts">
          <h2 id="sheet-facts-heading">{t('profile.facts')}</h2>
          <dl className="sheet-facts sheet-facts--columns">
            <dt>{t('facts.place')}</dt>
            <dd className="sheet-facts__wide" data-testid="sheet-place">
              {prefecture}
              {profile.municipalityCode && (
                <span className={municipality ? undefined : 'sheet-muted'}>
                  {' '}
                  {municipality ?? t('supplier.municipalityCode', { code: profile.municipalityCode })}
                </span>
              )}
            </dd>
            {profile.address && (
              <>
                <dt>{t('facts.address')}</dt>
                <dd className="sheet-facts__wide" data-testid="sheet-address">
                  {profile.postalCode && `〒${profile.postalCode} `}
                  {profile.address}
                </dd>
              </>
            )}
            <dt>{t('facts.foundedYear')}</dt>
            <dd>{profile.foundedYear ?? '—'}</dd>
            <dt>{t('facts.employees')}</dt>
            <dd>{profile.employees != null ? t('facts.people', { count: profile.employees }) : '—'}</dd>
            <dt>{t('facts.capital')}</dt>
            <dd>{profile.capitalJpy != null ? t('facts.yen', { amount: profile.capitalJpy.toLocaleString(language) }) : '—'}</dd>
            {profile.corporateNumber && (
              <>
                <dt>{t('facts.corporateNumber')}</dt>
                <dd>{profile.corporateNumber}</dd>
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
                <dd className="sheet__url">{profile.website}</dd>
              </>
            )}
            <dt>{t('facts.digital')}</dt>
            <dd>{readinessLabels.length > 0 ? joinList(readinessLabels, language) : t('digital.none')}</dd>
          </dl>
        </section>

        <section className="sheet-section" aria-labelledby="sheet-business-heading" data-testid="sheet-business">
          <h2 id="sheet-business-heading">{t('sheet.business')}</h2>
          {description && <p className="sheet__description">{description}</p>}
          {profile.strengths && (
            <p>
              <strong>{t('facts.strengths')}: </strong>
              {profile.strengths}
            </p>
          )}
          <p className="sheet__processes-label">{t('sheet.processes')}</p>
          <ul className="sheet-tags" data-testid="sheet-processes">
            {headlineCodes(profile.processes).map((code) => (
              <li key={code}>{labelOf('processes', code)}</li>
            ))}
          </ul>
        </section>

        <SheetSections profile={profile} labelOf={labelOf} />

        <footer className="sheet__foot" data-testid="sheet-footer">
          <p>{t('sheet.disclosureNote')}</p>
          <p>
            <span data-testid="sheet-printed-on">{t('sheet.printedOn', { date: formatIsoDate(printedOn) })}</span>
            {' · '}
            {t('sheet.source', { name: t('app.name') })}
            {' · '}
            <span className="sheet__url">{profileUrl}</span>
          </p>
        </footer>
      </article>
    </div>
  );
}
