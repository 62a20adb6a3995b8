import { isMessageKey, useI18n, type Translate } from '@/lib/i18n';
import type { ReadinessCheck } from '../api/get-readiness';
import { readinessPollIntervalMs, useReadiness, type ReadinessState } from '../hooks/use-readiness';

type DisplayState = 'loading' | 'ready' | 'not-ready' | 'error';

export function ReadinessStatus({ pollIntervalMs = readinessPollIntervalMs }: { pollIntervalMs?: number }) {
  const { t, language } = useI18n();
  const state = useReadiness(pollIntervalMs);
  const display: DisplayState = state.kind;

  return (
    <section className="card" aria-labelledby="readiness-heading">
      <h2 id="readiness-heading" className="card__title">
        {t('readiness.heading')}
      </h2>
      <div className="readiness" data-testid="readiness-status" data-state={display} role="status">
        <p className={`readiness__badge readiness__badge--${display}`}>
          <span className="readiness__dot" aria-hidden="true" />
          {headline(state, t)}
        </p>
        <ReadinessDetails state={state} t={t} />
      </div>
      {state.kind !== 'loading' && (
        <p className="muted">
          {t('readiness.checkedAt', {
            time: new Intl.DateTimeFormat(language, { timeStyle: 'medium' }).format(state.checkedAt),
            seconds: pollIntervalMs / 1000,
          })}
        </p>
      )}
    </section>
  );
}

function headline(state: ReadinessState, t: Translate): string {
  switch (state.kind) {
    case 'loading':
      return t('readiness.loading');
    case 'ready':
      return t('readiness.ready');
    case 'not-ready':
      return t('readiness.notReady');
    case 'error':
      return t('readiness.error');
  }
}

function ReadinessDetails({ state, t }: { state: ReadinessState; t: Translate }) {
  switch (state.kind) {
    case 'loading':
      return null;
    case 'ready':
      return <p>{t('readiness.readyHint')}</p>;
    case 'error':
      return <p>{t('readiness.errorHint')}</p>;
    case 'not-ready': {
      const failing = state.checks.filter((check) => check.status === 'failing');
      return (
        <>
          <p>{state.detail ?? t('readiness.notReadyHint')}</p>
          {failing.length > 0 && (
            <>
              <h3 className="readiness__subheading">{t('readiness.failingChecks')}</h3>
              <ul className="readiness__checks">
                {failing.map((check) => (
                  <li key={check.name}>
                    <span className="readiness__check-name">{checkLabel(check, t)}</span>
                    {check.detail && <span className="readiness__check-detail">{check.detail}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      );
    }
  }
}

// Known checks get a translated label; any other check the API adds later still shows under its own name.
function checkLabel(check: ReadinessCheck, t: Translate): string {
  const key = `readiness.check.${check.name}`;
  return isMessageKey(key) ? t(key) : check.name;
}
