import { useId, useState, type FormEvent } from 'react';
import { ErrorState, LoadingState } from '@/components/async-state';
import { BarChart } from '@/components/bar-chart';
import { DataTable, type TableColumn } from '@/components/data-table';
import { FieldErrorList } from '@/components/field-error-list';
import { errorsFor, fieldErrors } from '@/lib/field-errors';
import { useI18n } from '@/lib/i18n';
import { ApiError } from '@/lib/problem';
import { shortLabel, type LabelOf } from '@/lib/taxonomy';
import { useLoaded } from '@/lib/use-loaded';
import { getDemandGaps } from '../api/get-demand-gaps';
import type { DemandGaps as DemandGapsData, DemandRow } from '../api/types';

/** The answer's lists of rows (everything but the count of requests). */
type Dimension = Exclude<keyof DemandGapsData, 'requests'>;
const dimensions: readonly Dimension[] = ['processes', 'certifications', 'envelopes', 'municipalities', 'months'];

/**
 * The demand side (coordinators): what buyers' opened requests asked for in a period, and how much of it the region
 * could not serve (no candidate) or served thinly — by process, certification, workpiece size, municipality and month.
 */
export function DemandGaps({ labelOf }: { labelOf: LabelOf }) {
  const { t } = useI18n();
  const id = useId();
  const [period, setPeriod] = useState({ from: '', to: '' });
  const [draft, setDraft] = useState(period);
  const demand = useLoaded(`demand-${period.from}-${period.to}`, (signal) => getDemandGaps(period.from, period.to, signal));
  const refused = demand.state.kind === 'error' && demand.state.error instanceof ApiError && demand.state.error.status === 400;
  const errors = refused && demand.state.kind === 'error' ? fieldErrors((demand.state.error as ApiError).problem) : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    setPeriod(draft);
  }

  return (
    <section className="card" aria-labelledby="demand-heading" data-testid="demand-gaps">
      <h2 id="demand-heading">{t('demand.heading')}</h2>
      <p className="muted">{t('demand.lead')}</p>
      <form className="form analytics-period" aria-label={t('demand.period')} onSubmit={submit} noValidate>
        {(['from', 'to'] as const).map((field) => {
          const messages = errorsFor(errors, field);
          return (
            <div className="form__field" key={field}>
              <label htmlFor={`${id}-${field}`}>{t(`demand.${field}`)}</label>
              <input
                id={`${id}-${field}`}
                type="date"
                value={draft[field]}
                aria-invalid={messages.length > 0 || undefined}
                aria-describedby={messages.length > 0 ? `${id}-${field}-errors` : undefined}
                onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
              />
              <FieldErrorList id={`${id}-${field}-errors`} messages={messages} />
            </div>
          );
        })}
        <div className="form__actions">
          <button type="submit" className="button">
            {t('analytics.apply')}
          </button>
        </div>
      </form>
      {demand.state.kind === 'loading' && <LoadingState />}
      {demand.state.kind === 'error' && !refused && <ErrorState error={demand.state.error} onRetry={demand.reload} />}
      {demand.state.kind === 'ready' && <DemandTables demand={demand.state.data} labelOf={labelOf} />}
    </section>
  );
}

export function DemandTables({ demand, labelOf }: { demand: DemandGapsData; labelOf: LabelOf }) {
  const { t } = useI18n();

  function keyLabel(dimension: Dimension, key: string): string {
    switch (dimension) {
      case 'processes':
        return labelOf('processes', key);
      case 'certifications':
        return labelOf('certifications', key);
      case 'envelopes':
        return key === 'unspecified' ? t('demand.envelopeUnspecified') : t('demand.envelope', { size: key });
      case 'municipalities':
        return key === 'unknown' ? t('coverage.municipalityUnknown') : key;
      case 'months':
        return key;
    }
  }

  const series = [
    { key: 'asked', label: t('demand.asked') },
    { key: 'unserved', label: t('demand.unserved') },
    { key: 'thin', label: t('demand.thin') },
  ];
  const columns = (dimension: Dimension): TableColumn<DemandRow>[] => [
    { key: 'key', header: t(`demand.col.${dimension}`), value: (row) => keyLabel(dimension, row.key) },
    ...(dimension === 'processes' || dimension === 'certifications'
      ? [{ key: 'code', header: t('analytics.col.code'), value: (row: DemandRow) => row.key, render: (row: DemandRow) => <code>{row.key}</code> }]
      : []),
    { key: 'asked', header: t('demand.asked'), value: (row) => row.asked, numeric: true },
    { key: 'unserved', header: t('demand.unserved'), value: (row) => row.unserved, numeric: true },
    { key: 'thin', header: t('demand.thin'), value: (row) => row.thin, numeric: true },
  ];
  const chart = (dimension: Dimension, rows: readonly DemandRow[]) =>
    rows.map((row) => ({
      key: row.key,
      label: shortLabel(keyLabel(dimension, row.key)),
      values: [row.asked, row.unserved, row.thin],
      gap: row.unserved > 0 && row.unserved === row.asked ? t('demand.allUnserved') : null,
    }));

  return (
    <>
      <p data-testid="demand-requests">{t('demand.requests', { count: demand.requests })}</p>
      <p className="muted">{t('demand.thinHint')}</p>
      {demand.processes.length > 0 && (
        <BarChart title={t('demand.processesChart')} series={series} categories={chart('processes', demand.processes.slice(0, 15))} testId="demand-chart" />
      )}
      {demand.months.length > 0 && <BarChart title={t('demand.monthsChart')} series={series} categories={chart('months', demand.months)} />}
      {dimensions.map((dimension) => (
        <DataTable
          key={dimension}
          caption={t(`demand.table.${dimension}`)}
          fileName={`demand-gaps-by-${dimension}`}
          columns={columns(dimension)}
          rows={demand[dimension]}
          rowKey={(row) => row.key}
          highlight={(row) => row.unserved > 0}
          empty={t('demand.none')}
          testId={`demand-${dimension}`}
        />
      ))}
    </>
  );
}
