import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '@/components/async-state';
import { actionsColumn, DataTable, timeColumn, type TableColumn } from '@/components/data-table';
import { WriteAlert } from '@/components/write-alert';
import { isMessageKey, useI18n } from '@/lib/i18n';
import { useLoaded } from '@/lib/use-loaded';
import type { WriteFailure } from '@/lib/write-result';
import { dismissImportDuplicate } from '../api/dismiss-import-duplicate';
import { listImportDuplicates, type ImportDuplicate } from '../api/list-import-duplicates';
import { mergeImportDuplicate } from '../api/merge-import-duplicate';
import './import-duplicates.css';

type Action = 'merge' | 'dismiss';

type RowState =
  | { kind: 'confirm'; action: Action }
  | { kind: 'busy'; action: Action }
  | { kind: 'failed'; failure: WriteFailure };

const resolvers: Record<Action, typeof mergeImportDuplicate> = {
  merge: mergeImportDuplicate,
  dismiss: dismissImportDuplicate,
};

/**
 * Rows an integrator's import held back as probable duplicates of an existing site, oldest first. Each is merged into
 * that site or registered as a site of its own, after a confirmation in the row; a resolved row leaves the list and
 * the line above it says what happened.
 */
export function ImportDuplicates() {
  const { t, language } = useI18n();
  const { state, reload } = useLoaded('import-duplicates', (signal) => listImportDuplicates(signal));
  const [rows, setRows] = useState<Record<string, RowState>>({});
  // Resolved rows are dropped here rather than by reading the list again: the answer already says what happened.
  const [resolved, setResolved] = useState<ReadonlySet<string>>(new Set());
  const [outcome, setOutcome] = useState<{ action: Action; item: ImportDuplicate } | null>(null);
  const outcomeRef = useRef<HTMLParagraphElement>(null);

  // The button that had focus is gone with its row: the outcome takes it, so a keyboard user is not left at the top.
  useEffect(() => {
    if (outcome) {
      outcomeRef.current?.focus();
    }
  }, [outcome]);

  function setRow(id: string, row: RowState | null) {
    setRows((previous) => {
      const next = { ...previous };
      if (row) {
        next[id] = row;
      } else {
        delete next[id];
      }
      return next;
    });
  }

  async function resolve(item: ImportDuplicate, action: Action) {
    setRow(item.id, { kind: 'busy', action });
    const result = await resolvers[action](item.id);
    if (result.kind === 'ok') {
      setRow(item.id, null);
      setResolved((previous) => new Set(previous).add(item.id));
      setOutcome({ action, item: result.data });
    } else {
      setRow(item.id, { kind: 'failed', failure: result });
    }
  }

  function reasonLabel(reason: string): string {
    const key = `duplicates.reason.${reason}`;
    // The contract types the reason as text: one this app does not know yet is shown as the API sent it.
    return isMessageKey(key) ? t(key) : reason;
  }

  const columns: TableColumn<ImportDuplicate>[] = [
    {
      key: 'imported',
      header: t('duplicates.col.imported'),
      value: (item) => item.nameJa,
      render: (item) => (
        <>
          {item.nameJa}
          <span className="table__sub">{t('duplicates.source', { externalId: item.externalId, row: item.row })}</span>
        </>
      ),
    },
    {
      key: 'existing',
      header: t('duplicates.col.existing'),
      value: (item) => item.supplierNameJa,
      render: (item) => <Link to={`/suppliers/${item.supplierId}`}>{item.supplierNameJa}</Link>,
    },
    {
      key: 'reason',
      header: t('duplicates.col.reason'),
      value: (item) => reasonLabel(item.reason),
      render: (item) => reasonLabel(item.reason),
      testId: 'duplicate-reason',
    },
    timeColumn('heldAt', t('duplicates.col.heldAt'), (item) => item.createdAt, language, 'table__nowrap'),
    actionsColumn(t('parts.actions'), (item) => (
        <DuplicateActions
          item={item}
          state={rows[item.id]}
          onAsk={(action) => setRow(item.id, { kind: 'confirm', action })}
          onCancel={() => setRow(item.id, null)}
          onConfirm={(action) => void resolve(item, action)}
        />
      )),
  ];

  let body;
  if (state.kind === 'loading') {
    body = <LoadingState />;
  } else if (state.kind === 'error') {
    body = <ErrorState error={state.error} onRetry={reload} />;
  } else {
    body = (
      <DataTable
        variant="list"
        caption={t('duplicates.heading')}
        columns={columns}
        rows={state.data.filter((item) => !resolved.has(item.id))}
        rowKey={(item) => item.id}
        empty={t('duplicates.empty')}
        testId="duplicates-table"
        rowTestId="duplicate-row"
        rowData={(item) => ({ 'data-id': item.id, 'data-external-id': item.externalId })}
      />
    );
  }

  return (
    <>
      {outcome && (
        <p className="notice" role="status" tabIndex={-1} ref={outcomeRef} data-testid="duplicate-outcome">
          {outcome.action === 'merge'
            ? t('duplicates.merged', {
                name: outcome.item.nameJa,
                existing: outcome.item.supplierNameJa,
                externalId: outcome.item.externalId,
              })
            : t('duplicates.dismissed', { name: outcome.item.nameJa })}
        </p>
      )}
      {body}
    </>
  );
}

/** The last cell of a row: merge or dismiss, the question that confirms it, and a refusal. */
function DuplicateActions({
  item,
  state,
  onAsk,
  onCancel,
  onConfirm,
}: {
  item: ImportDuplicate;
  state: RowState | undefined;
  onAsk: (action: Action) => void;
  onCancel: () => void;
  onConfirm: (action: Action) => void;
}) {
  const { t } = useI18n();
  const questionId = useId();
  const asking = state?.kind === 'confirm' || state?.kind === 'busy' ? state : null;
  const names = { name: item.nameJa, existing: item.supplierNameJa, externalId: item.externalId, row: item.row };

  return (
    <>
      {asking ? (
        <div className="duplicates__confirm" role="group" aria-labelledby={questionId}>
          <p id={questionId}>{t(`duplicates.confirm.${asking.action}`, names)}</p>
          <div className="duplicates__actions">
            <button
              type="button"
              className="button button--small"
              // Moves focus here when the question appears, so that Enter answers it.
              autoFocus
              disabled={asking.kind === 'busy'}
              aria-label={t(`duplicates.do.${asking.action}Of`, names)}
              onClick={() => onConfirm(asking.action)}
            >
              {asking.kind === 'busy'
                ? t(`duplicates.working.${asking.action}`)
                : t(`duplicates.do.${asking.action}`)}
            </button>
            <button
              type="button"
              className="button button--small button--secondary"
              disabled={asking.kind === 'busy'}
              aria-label={t('duplicates.cancelOf', names)}
              onClick={onCancel}
            >
              {t('duplicates.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="duplicates__actions">
          <button
            type="button"
            className="button button--small"
            aria-label={t('duplicates.mergeOf', names)}
            onClick={() => onAsk('merge')}
          >
            {t('duplicates.merge')}
          </button>
          <button
            type="button"
            className="button button--small button--secondary"
            aria-label={t('duplicates.dismissOf', names)}
            onClick={() => onAsk('dismiss')}
          >
            {t('duplicates.dismiss')}
          </button>
        </div>
      )}
      {state?.kind === 'failed' && <WriteAlert failure={state.failure} />}
    </>
  );
}
