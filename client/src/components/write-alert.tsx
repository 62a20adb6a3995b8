import type { Ref } from 'react';
import { useI18n } from '@/lib/i18n';
import type { WriteFailure } from '@/lib/write-result';

/**
 * Says above a form why a save did not go through: invalid input (with messages for fields the form does not show),
 * a stale version (someone changed it meanwhile: reload), a conflict (with the API's explanation), any other failure
 * (with the trace id to quote), or no answer.
 */
export function WriteAlert({
  failure,
  unclaimed = [],
  onReload,
  ref,
}: {
  failure: WriteFailure;
  unclaimed?: readonly string[];
  onReload?: () => void;
  ref?: Ref<HTMLDivElement>;
}) {
  const { t } = useI18n();
  let message: string;
  switch (failure.kind) {
    case 'invalid': {
      const count = Object.values(failure.errors).reduce((sum, messages) => sum + messages.length, 0);
      message = count > 0 ? t('write.invalidCount', { count }) : t('write.invalid');
      break;
    }
    case 'stale':
      message = t('write.stale');
      break;
    case 'conflict':
      message = failure.problem?.detail ?? t('write.conflict');
      break;
    case 'failed':
      message =
        failure.status === 403 ? t('write.forbidden') : failure.status === 429 ? t('error.rateLimited') : t('write.failed');
      break;
    case 'unreachable':
      message = t('error.unreachable');
      break;
  }
  const traceId = failure.kind === 'failed' ? failure.problem?.traceId : null;
  return (
    <div className="form__alert" role="alert" data-testid="write-alert" data-kind={failure.kind} ref={ref} tabIndex={-1}>
      <p>{message}</p>
      {unclaimed.length > 0 && (
        <ul>
          {unclaimed.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      {traceId && <p className="muted">{t('error.traceId', { traceId })}</p>}
      {failure.kind === 'stale' && onReload && (
        <button type="button" className="button button--secondary" onClick={onReload}>
          {t('write.reload')}
        </button>
      )}
    </div>
  );
}
