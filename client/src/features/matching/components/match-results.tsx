import { useId, useState, type ReactNode } from 'react';
import { MatchExplanation } from '@/components/match-explanation';
import { useI18n, formatDateTime, formatNumber } from '@/lib/i18n';
import { useTaxonomyLabels } from '@/lib/taxonomy';
import type { MatchCandidate, MatchChain, MatchEvaluation, StepMatches } from '../api/types';
import { ChainList } from './chain-list';
import { ProfileLink, ProfilesInNewTab } from './profile-link';
import './matching.css';

export interface MatchResultsProps {
  evaluation: MatchEvaluation;
  /** Something to offer next to each candidate, e.g. an "Invite" button on an open request. */
  candidateAction?: (candidate: MatchCandidate) => ReactNode;
  /** What the buyer can do with a chain (award it), shown under the chosen chain. */
  chainAction?: (chain: MatchChain, n: number) => ReactNode;
  /** Site names open their profiles in a new tab (an unsaved preview stays where it is). */
  profilesInNewTab?: boolean;
}

/**
 * An evaluation: per step the ranked sites (best first), each opening its explanation criterion by criterion; a step
 * nothing in the region can do is named as such. Below, the chains of sites over all steps: each with its completeness,
 * firms, distance and gaps; the chosen one is drawn on the map.
 */
export function MatchResults({ evaluation, candidateAction, chainAction, profilesInNewTab = false }: MatchResultsProps) {
  const { t, language } = useI18n();
  const labelOf = useTaxonomyLabels(['processes']);
  const processOf = (step: number) => {
    const code = evaluation.steps.find((s) => s.step === step)?.processCode;
    return code ? labelOf('processes', code) : '';
  };

  return (
    <ProfilesInNewTab.Provider value={profilesInNewTab}>
      <section className="match-results" aria-labelledby="match-results-heading" data-testid="match-results">
        <h2 id="match-results-heading">{t('matching.results')}</h2>
        <p className="muted">{t('matching.evaluatedAt', { time: formatDateTime(evaluation.evaluatedAt, language) })}</p>
        {evaluation.steps.map((step) => (
          <StepResult key={step.step} step={step} process={processOf(step.step)} candidateAction={candidateAction} />
        ))}
        <ChainList chains={evaluation.chains} processOf={processOf} deliveryPoint={evaluation.deliveryPoint} chainAction={chainAction} />
      </section>
    </ProfilesInNewTab.Provider>
  );
}

function StepResult({
  step,
  process,
  candidateAction,
}: {
  step: StepMatches;
  process: string;
  candidateAction?: (candidate: MatchCandidate) => ReactNode;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const n = step.step + 1;
  return (
    <section className="match-step" aria-labelledby={headingId} data-testid="match-step" data-step={step.step}>
      <h3 id={headingId}>{t('matching.stepHeading', { n, process })}</h3>
      {!step.doable || step.candidates.length === 0 ? (
        <p className="match-step__none" data-testid="step-not-doable">
          {t('matching.notDoable', { n, process })}
        </p>
      ) : (
        <ol className="match-step__candidates" aria-label={t('matching.candidates', { n })}>
          {step.candidates.map((candidate) => (
            <CandidateRow key={candidate.supplierId} candidate={candidate} action={candidateAction?.(candidate)} />
          ))}
        </ol>
      )}
    </section>
  );
}

function CandidateRow({ candidate, action }: { candidate: MatchCandidate; action?: ReactNode }) {
  const { t, language } = useI18n();
  const [open, setOpen] = useState(false);
  const tableId = useId();
  const name = language === 'en' && candidate.nameEn ? candidate.nameEn : candidate.nameJa;
  return (
    <li className="candidate" data-testid="candidate" data-id={candidate.supplierId}>
      <div className="candidate__line">
        <ProfileLink id={candidate.supplierId} className="candidate__name">
          <span data-testid="candidate-name">{name}</span>
        </ProfileLink>
        <button
          type="button"
          className="candidate__toggle"
          aria-expanded={open}
          aria-controls={tableId}
          onClick={() => setOpen((value) => !value)}
        >
          <span className="candidate__score" data-testid="candidate-score">
            {t('matching.score', { score: formatNumber(candidate.score * 100, language, 0) })}
          </span>
          <span className="candidate__distance" data-testid="candidate-distance">
            {t('matching.distance', { km: formatNumber(candidate.distanceKm, language) })}
          </span>
          {candidate.verified && <span className="badge">{t('matching.verified')}</span>}
          <span className="candidate__reasons">{open ? t('matching.hideReasons') : t('matching.showReasons')}</span>
        </button>
        {action}
      </div>
      <div id={tableId} hidden={!open}>
        {open && <MatchExplanation name={name} rows={candidate.explanation} />}
      </div>
    </li>
  );
}
