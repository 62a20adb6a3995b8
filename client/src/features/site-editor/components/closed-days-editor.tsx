import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { ErrorState, LoadingState } from '@/components/async-state';
import { FieldErrorList } from '@/components/field-error-list';
import { FormAlert } from '@/components/form-alert';
import { errorsFor, unclaimedErrors, type FieldErrors } from '@/lib/field-errors';
import { useI18n, type MessageKey } from '@/lib/i18n';
import type { WriteFailure } from '@/lib/write-result';
import { getSupplierCalendar, replaceSupplierCalendar, type DayOfWeek, type SupplierCalendar } from '../api/calendar';

/** Monday first, as Japanese works calendars are laid out. */
const weekdays: readonly DayOfWeek[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const maxPeriods = 30;

interface Period {
  label: string;
  from: string;
  to: string;
  everyYear: boolean;
}

interface Form {
  weeklyClosed: DayOfWeek[];
  periods: Period[];
}

type Load = { kind: 'loading' } | { kind: 'ready'; version: number } | { kind: 'error'; error: unknown };
type Save = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; failure: WriteFailure; errors: FieldErrors };

function formOf(calendar: SupplierCalendar): Form {
  return {
    weeklyClosed: [...calendar.weeklyClosed],
    periods: calendar.closed.map((p) => ({ label: p.label, from: p.from, to: p.to, everyYear: p.everyYear ?? false })),
  };
}

/**
 * "休業日": the site's weekly closed days and closed periods (お盆, 年末年始), by which order lead times are counted in
 * business days. Read and saved on its own (the calendar has a version of its own), like a part section.
 */
export function ClosedDaysEditor({
  supplierId,
  onOpenChange,
}: {
  supplierId: string;
  /** Whether the form holds changes not yet saved (the page warns before they are lost). */
  onOpenChange?: (changed: boolean) => void;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [form, setForm] = useState<Form | null>(null);
  const [baseline, setBaseline] = useState<Form | null>(null);
  const [save, setSave] = useState<Save>({ kind: 'idle' });

  const fetchCalendar = useCallback(
    (signal?: AbortSignal) => {
      setLoad({ kind: 'loading' });
      getSupplierCalendar(supplierId, signal).then(
        (calendar) => {
          const filled = formOf(calendar);
          setForm(filled);
          setBaseline(filled);
          setLoad({ kind: 'ready', version: calendar.version });
        },
        (error: unknown) => {
          if (!signal?.aborted) {
            setLoad({ kind: 'error', error });
          }
        },
      );
    },
    [supplierId],
  );

  useEffect(() => {
    const controller = new AbortController();
    fetchCalendar(controller.signal);
    return () => controller.abort();
  }, [fetchCalendar]);

  const changed = form !== null && baseline !== null && JSON.stringify(form) !== JSON.stringify(baseline);
  useEffect(() => onOpenChange?.(changed), [changed]);

  function edit(next: Form) {
    setForm(next);
    if (save.kind === 'saved') {
      setSave({ kind: 'idle' });
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form || load.kind !== 'ready') {
      return;
    }
    const local: FieldErrors = {};
    form.periods.forEach((period, i) => {
      for (const field of ['label', 'from', 'to'] as const) {
        if (period[field].trim() === '') {
          local[`closed[${i}].${field}`] = [t('calendar.required')];
        }
      }
    });
    if (Object.keys(local).length > 0) {
      setSave({ kind: 'failed', failure: { kind: 'invalid', errors: local, problem: null }, errors: local });
      return;
    }
    setSave({ kind: 'saving' });
    const result = await replaceSupplierCalendar(supplierId, load.version, {
      weeklyClosed: form.weeklyClosed,
      closed: form.periods.map((p) => ({ label: p.label.trim(), from: p.from, to: p.to, everyYear: p.everyYear })),
    });
    if (result.kind === 'ok') {
      const saved = formOf(result.data);
      setForm(saved);
      setBaseline(saved);
      setLoad({ kind: 'ready', version: result.data.version });
      setSave({ kind: 'saved' });
    } else {
      setSave({ kind: 'failed', failure: result, errors: result.kind === 'invalid' ? result.errors : {} });
    }
  }

  const errors = save.kind === 'failed' ? save.errors : {};
  const weeklyErrors = errorsFor(errors, 'weeklyClosed');

  return (
    <section className="card closed-days" aria-labelledby={headingId} data-testid="closed-days-editor">
      <header className="profile-section__head">
        <h2 id={headingId}>{t('calendar.heading')}</h2>
      </header>
      <p className="muted">{t('calendar.hint')}</p>
      {load.kind === 'loading' && <LoadingState />}
      {load.kind === 'error' && <ErrorState error={load.error} onRetry={() => fetchCalendar()} />}
      {load.kind === 'ready' && form && (
        <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-busy={save.kind === 'saving'}>
          <fieldset className="form__field">
            <legend>{t('calendar.weekly')}</legend>
            <div className="form__checks">
              {weekdays.map((day) => (
                <label key={day} className="form__check">
                  <input
                    type="checkbox"
                    checked={form.weeklyClosed.includes(day)}
                    aria-invalid={weeklyErrors.length > 0 || undefined}
                    onChange={(event) =>
                      edit({
                        ...form,
                        weeklyClosed: event.target.checked
                          ? [...form.weeklyClosed, day]
                          : form.weeklyClosed.filter((d) => d !== day),
                      })
                    }
                  />
                  {t(`calendar.weekday.${day}` as MessageKey)}
                </label>
              ))}
            </div>
            <FieldErrorList id={`${headingId}-weekly-errors`} messages={weeklyErrors} />
          </fieldset>

          <h3>{t('calendar.periods')}</h3>
          <p className="muted">{t('calendar.everyYearHint')}</p>
          <FieldErrorList id={`${headingId}-closed-errors`} messages={errors['closed'] ?? []} />
          {form.periods.length === 0 ? (
            <p className="muted" data-testid="closed-days-empty">
              {t('calendar.noPeriods')}
            </p>
          ) : (
            form.periods.map((period, i) => (
              <PeriodRow
                key={i}
                index={i}
                period={period}
                errors={errors}
                onChange={(next) => edit({ ...form, periods: form.periods.map((p, j) => (j === i ? next : p)) })}
                onRemove={() => edit({ ...form, periods: form.periods.filter((_, j) => j !== i) })}
              />
            ))
          )}
          <p>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={form.periods.length >= maxPeriods}
              onClick={() => edit({ ...form, periods: [...form.periods, { label: '', from: '', to: '', everyYear: true }] })}
            >
              {t('calendar.addPeriod')}
            </button>
          </p>

          {save.kind === 'failed' && (
            <FormAlert
              failure={save.failure}
              unclaimed={unclaimedErrors(errors, ['weeklyClosed', 'closed'])}
              onReload={() => {
                setSave({ kind: 'idle' });
                fetchCalendar();
              }}
            />
          )}
          {save.kind === 'saved' && (
            <p className="notice" role="status">
              {t('calendar.saved')}
            </p>
          )}
          <div className="form__actions">
            <button type="submit" className="button" disabled={save.kind === 'saving'}>
              {save.kind === 'saving' ? t('form.saving') : t('form.save')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function PeriodRow({
  index,
  period,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  period: Period;
  errors: FieldErrors;
  onChange: (period: Period) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const field = (name: 'label' | 'from' | 'to', label: MessageKey, type: 'text' | 'date') => {
    const messages = errorsFor(errors, `closed[${index}].${name}`);
    const errorId = `${id}-${name}-errors`;
    return (
      <div className="form__field">
        <label htmlFor={`${id}-${name}`}>{t(label)}</label>
        <input
          id={`${id}-${name}`}
          type={type}
          maxLength={type === 'text' ? 40 : undefined}
          value={period[name]}
          onChange={(event) => onChange({ ...period, [name]: event.target.value })}
          aria-invalid={messages.length > 0 || undefined}
          aria-describedby={messages.length > 0 ? errorId : undefined}
        />
        <FieldErrorList id={errorId} messages={messages} />
      </div>
    );
  };
  const name = period.label.trim() || t('calendar.periodN', { n: index + 1 });

  return (
    <fieldset className="part-form closed-days__period" data-testid="closed-period">
      <legend className="visually-hidden">{t('calendar.periodN', { n: index + 1 })}</legend>
      <div className="part-form__fields">
        {field('label', 'calendar.periodLabel', 'text')}
        {field('from', 'calendar.from', 'date')}
        {field('to', 'calendar.to', 'date')}
        <div className="form__field">
          <label className="form__check">
            <input type="checkbox" checked={period.everyYear} onChange={(event) => onChange({ ...period, everyYear: event.target.checked })} />
            {t('calendar.everyYear')}
          </label>
          <button
            type="button"
            className="button button--danger button--small"
            aria-label={t('calendar.removePeriod', { name })}
            onClick={onRemove}
          >
            {t('parts.remove')}
          </button>
        </div>
      </div>
    </fieldset>
  );
}
