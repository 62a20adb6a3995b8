import { Link } from 'react-router';
import { ErrorState, LoadingState } from '@/components/async-state';
import { MatchExplanation } from '@/components/match-explanation';
import type { SupplierProfile } from '@/lib/api/suppliers';
import { formatDateTime, formatDay, formatIsoDate, formatJapanTime, formatNumber, joinList, useI18n } from '@/lib/i18n';
import { usePageTitle } from '@/lib/page-title';
import { shortLabel, useTaxonomyLabels, type LabelOf } from '@/lib/taxonomy';
import { useLoaded } from '@/lib/use-loaded';
import { getBrief, type BriefStep, type MeetingBrief } from '../api/get-brief';
import { GatheringNotFound, isNotFound } from './gathering-not-found';
import './agenda.css';

/** The one-page brief of a meeting (its two sides and the organisers), to read before it or print. */
export function BriefPage({ id, meetingId }: { id: string; meetingId: string }) {
  const { t } = useI18n();
  const brief = useLoaded(`brief-${id}-${meetingId}`, (signal) => getBrief(id, meetingId, signal));
  if (brief.state.kind === 'loading') {
    return <LoadingState />;
  }
  if (brief.state.kind === 'error') {
    return isNotFound(brief.state.error) ? <GatheringNotFound /> : <ErrorState error={brief.state.error} onRetry={brief.reload} />;
  }
  return (
    <div className="agenda-page">
      <div className="agenda-toolbar">
        <Link to={`/gatherings/${id}`}>{t('gatherings.backToGathering')}</Link>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('gatherings.brief.print')}
        </button>
      </div>
      <BriefSheet brief={brief.state.data} />
    </div>
  );
}

/**
 * The buyer's steps against the supplier's site (DESIGN §12): per step what it asks (process, materials, size,
 * tolerance, certifications, lot, due date, QA documents), whether the site fits and why, criterion by criterion;
 * then the site as members may see it — processes, certifications with validity, capacity, strengths — with 非公開
 * where it keeps a section to itself.
 */
export function BriefSheet({ brief }: { brief: MeetingBrief }) {
  const { t, language } = useI18n();
  const labelOf = useTaxonomyLabels(['processes', 'materials', 'certifications']);
  const { meeting } = brief;
  usePageTitle(t('gatherings.brief.pageTitle', { buyer: meeting.buyerName, supplier: meeting.supplierName }), 1);
  return (
    <article className="agenda-sheet brief" data-testid="brief" lang={language}>
      <header className="agenda-sheet__head">
        <p className="agenda-sheet__gathering">{brief.gatheringTitle}</p>
        <h1>{t('gatherings.brief.heading', { buyer: meeting.buyerName, supplier: meeting.supplierName })}</h1>
        <p data-testid="brief-when">
          {formatDay(brief.heldOn, language)}
          {meeting.startsAt && meeting.endsAt && ` ${formatJapanTime(meeting.startsAt)}–${formatJapanTime(meeting.endsAt)}`}
          {meeting.place && ` · ${t('gatherings.tableN', { n: meeting.place.table + 1 })}`}
          {brief.venue && ` · ${brief.venue}`}
        </p>
      </header>
      <section className="brief__section" aria-labelledby="brief-needs">
        <h2 id="brief-needs">{t('gatherings.brief.needs', { buyer: meeting.buyerName })}</h2>
        {brief.steps.length === 0 ? (
          <p>{t('gatherings.brief.noSteps')}</p>
        ) : (
          <ol className="brief__steps">
            {brief.steps.map((step, i) => (
              <StepBrief key={`${step.requestId ?? 'need'}-${step.step}-${i}`} step={step} supplier={meeting.supplierName} labelOf={labelOf} />
            ))}
          </ol>
        )}
      </section>
      <section className="brief__section" aria-labelledby="brief-site">
        <h2 id="brief-site">{t('gatherings.brief.site', { supplier: meeting.supplierName })}</h2>
        {brief.supplier ? <SiteBrief site={brief.supplier} labelOf={labelOf} /> : <p>{t('gatherings.brief.noSite')}</p>}
      </section>
      <footer className="agenda-sheet__foot">
        <p>{t('gatherings.agenda.footer', { name: t('app.name'), date: formatDateTime(new Date(), language) })}</p>
      </footer>
    </article>
  );
}

function StepBrief({ step, supplier, labelOf }: { step: BriefStep; supplier: string; labelOf: LabelOf }) {
  const { t, language } = useI18n();
  const notGiven = t('matching.notGiven');
  const number = (value: number | null | undefined) => (value === null || value === undefined ? null : formatNumber(value, language, 3));
  const need = step.need;
  const size = [need.workpieceXMm, need.workpieceYMm, need.workpieceZMm].map(number);
  const list = (codes: readonly string[] | null | undefined, kind: 'materials' | 'certifications') =>
    codes && codes.length > 0 ? joinList(codes.map((code) => shortLabel(labelOf(kind, code))), language) : notGiven;
  // Only what the buyer specified: a page of 「指定なし」 would push the explanation off the sheet.
  const facts: [string, string][] = ([
    [t('matching.materials'), list(need.materialCodes, 'materials')],
    [t('matching.workpieceSize'), size.some((v) => v !== null) ? t('matching.sizeValue', { x: size[0] ?? '—', y: size[1] ?? '—', z: size[2] ?? '—' }) : notGiven],
    [t('matching.tolerance'), number(need.toleranceUm) ? t('matching.toleranceValue', { um: number(need.toleranceUm)! }) : notGiven],
    [t('matching.certifications'), list(need.requiredCertifications, 'certifications')],
    [t('matching.lotSize'), number(step.lotSize) ?? notGiven],
    [t('matching.dueDate'), step.dueDate ? formatIsoDate(step.dueDate) : notGiven],
    [t('matching.qualityAssurance'), step.qualityAssurance.length > 0 ? joinList(step.qualityAssurance.map((qa) => t(`orders.qa.${qa}`)), language) : notGiven],
  ] satisfies [string, string][]).filter(([, value]) => value !== notGiven);
  const process = labelOf('processes', need.processCode);
  return (
    <li className="brief__step" data-testid="brief-step" data-fits={step.fits}>
      <h3>
        {step.requestTitle ? t('gatherings.brief.stepOf', { title: step.requestTitle, n: step.step + 1, process }) : process}
        <span className={step.fits ? 'outcome outcome--met brief__fit' : 'outcome outcome--unmet brief__fit'} data-testid="brief-fit">
          {step.fits ? '✓' : '✗'} {t(step.fits ? 'gatherings.brief.fits' : 'gatherings.brief.doesNotFit')}
          {step.score != null && ` · ${t('gatherings.score', { score: formatNumber(step.score * 100, language, 0) })}`}
        </span>
      </h3>
      {facts.length === 0 && <p className="muted">{t('gatherings.brief.noConditions')}</p>}
      <dl className="brief__facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {step.explanation.length > 0 && <MatchExplanation name={supplier} rows={step.explanation} />}
    </li>
  );
}

function SiteBrief({ site, labelOf }: { site: SupplierProfile; labelOf: LabelOf }) {
  const { t, language } = useI18n();
  const hidden = (level: SupplierProfile['capacity']['level']) => t('section.hidden', { level: t(`disclosure.${level}`) });
  const capacity = site.capacity;
  const certifications = site.certifications;
  return (
    <dl className="brief__facts brief__site" data-testid="brief-site">
      <div>
        <dt>{t('gatherings.brief.address')}</dt>
        <dd>{site.address ?? '—'}</dd>
      </div>
      {site.employees != null && (
        <div>
          <dt>{t('gatherings.brief.employees')}</dt>
          <dd>{t('gatherings.brief.employeesValue', { n: site.employees })}</dd>
        </div>
      )}
      <div>
        <dt>{t('gatherings.brief.processes')}</dt>
        <dd>{joinList(site.processes.map((code) => labelOf('processes', code)), language)}</dd>
      </div>
      <div>
        <dt>{t('section.certifications')}</dt>
        <dd data-testid="brief-certifications">
          {certifications.hidden
            ? hidden(certifications.level)
            : (certifications.items ?? []).length === 0
              ? t('section.none')
              : joinList(
                  (certifications.items ?? []).map((c) =>
                    c.validUntil ? `${shortLabel(labelOf('certifications', c.code))}${t('capacity.validUntil', { date: formatIsoDate(c.validUntil) })}` : shortLabel(labelOf('certifications', c.code)),
                  ),
                  language,
                )}
        </dd>
      </div>
      <div>
        <dt>{t('section.capacity')}</dt>
        <dd data-testid="brief-capacity">
          {capacity.hidden
            ? hidden(capacity.level)
            : [
                capacity.contractAcceptance ? `${t('capacity.contractAcceptance')}: ${t(`contract.${capacity.contractAcceptance}`)}` : null,
                capacity.spareCapacityPct != null && !capacity.spareCapacityExpired ? `${t('capacity.spare')}: ${capacity.spareCapacityPct}%` : null,
                capacity.typicalLeadDays != null ? `${t('capacity.typicalLeadDays')}: ${t('gatherings.brief.days', { n: capacity.typicalLeadDays })}` : null,
                capacity.minLot != null ? `${t('capacity.minLot')}: ${capacity.minLot}` : null,
              ]
                .filter(Boolean)
                .join(' / ') || t('capacity.undeclared')}
        </dd>
      </div>
      {site.strengths && (
        <div>
          <dt>{t('gatherings.brief.strengths')}</dt>
          <dd>{site.strengths}</dd>
        </div>
      )}
    </dl>
  );
}
