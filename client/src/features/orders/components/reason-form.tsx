import { useId, useState } from 'react';
import { DraftField } from '@/components/draft-field';
import { errorsFor } from '@/lib/field-errors';
import { useI18n, type MessageKey } from '@/lib/i18n';
import type { WriteFailure } from '@/lib/write-result';
import { ActionForm } from './action-form';

/** A reason and one button: rejecting an order, refusing a proposal, cancelling. The reason is required by the service. */
export function ReasonForm({
  label,
  submitLabel,
  busy,
  failure,
  onSubmit,
  onCancel,
  testId,
}: {
  label: MessageKey;
  submitLabel: MessageKey;
  busy: boolean;
  failure: WriteFailure | null;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
  testId: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [reason, setReason] = useState('');
  const errors = failure?.kind === 'invalid' ? failure.errors : {};

  return (
    <ActionForm
      testId={testId}
      failure={failure}
      fields={['reason']}
      submitLabel={submitLabel}
      danger
      disabled={busy || reason.trim() === ''}
      onSubmit={() => onSubmit(reason.trim())}
      onCancel={onCancel}
    >
      <DraftField
        id={`${id}-reason`}
        name="reason"
        type="multiline"
        label={
          <>
            {t(label)} <span className="form__required">{t('orders.required')}</span>
          </>
        }
        value={reason}
        onChange={setReason}
        messages={errorsFor(errors, 'reason')}
        maxLength={2000}
      />
    </ActionForm>
  );
}
