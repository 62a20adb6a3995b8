import { useEffect, useId, useState, type FormEvent } from 'react';
import { DisclosureBadge, type DisclosureLevel } from '@/components/disclosure-badge';
import { FieldErrorList } from '@/components/field-error-list';
import { TaxonomyPicker } from '@/components/taxonomy-picker';
import { useConfirm } from '@/components/confirm-dialog';
import { FormAlert } from '@/components/form-alert';
import { WriteAlert } from '@/components/write-alert';
import { errorsFor, unclaimedErrors, type FieldErrors } from '@/lib/field-errors';
import { idempotencyKeys } from '@/lib/idempotency';
import { useI18n } from '@/lib/i18n';
import { useTaxonomy, useTaxonomyLabels, type LabelOf } from '@/lib/taxonomy';
import type { WriteFailure, WriteResult } from '@/lib/write-result';
import { addPart } from '../api/add-part';
import type { PartItem, PartKind } from '../api/parts';
import { removePart } from '../api/remove-part';
import { replacePart } from '../api/replace-part';
import { Parser, type PartField, type PartSpec, type PartValues } from '../part-specs';

type Mode =
  | { kind: 'list' }
  | { kind: 'add'; values: PartValues }
  | { kind: 'edit'; id: string; version: number; values: PartValues; initial: PartValues };

type Outcome =
  | { kind: 'none' }
  | { kind: 'done'; message: string; undo?: () => void }
  | { kind: 'failed'; failure: WriteFailure; errors: FieldErrors };

/**
 * One part section of a site (capabilities, equipment, certifications, staff): its entries with edit and remove, and
 * a form to add one. Each write goes to the API at once; `onWritten` tells the page (the site's version moved on).
 */
export function PartEditor<K extends PartKind>({
  supplierId,
  spec,
  items,
  level,
  equipment = [],
  sectionErrors = [],
  onWritten,
  onReload,
  onOpenChange,
}: {
  supplierId: string;
  spec: PartSpec<K>;
  items: readonly (PartItem<K> & { id: string; version: number })[];
  level: DisclosureLevel;
  equipment?: readonly PartItem<'equipment'>[];
  /** Messages about the section as a whole (e.g. publishing needs a capability). */
  sectionErrors?: readonly string[];
  onWritten: () => void;
  onReload: () => void;
  /** Whether a form of this section holds changes not yet saved (the page warns before they are lost). */
  onOpenChange?: (changed: boolean) => void;
}) {
  const { t } = useI18n();
  const labelOf = useTaxonomyLabels(['processes', 'materials', 'equipment_types', 'certifications', 'qualifications']);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [keys] = useState(idempotencyKeys);
  const headingId = useId();
  const { confirm, dialog } = useConfirm();
  const changed =
    mode.kind === 'add'
      ? JSON.stringify(mode.values) !== JSON.stringify(spec.empty())
      : mode.kind === 'edit' && JSON.stringify(mode.values) !== JSON.stringify(mode.initial);
  useEffect(() => onOpenChange?.(changed), [changed]);

  async function run<T>(action: () => Promise<WriteResult<T>>, done: string, localErrors: FieldErrors = {}, undo?: () => void) {
    if (Object.keys(localErrors).length > 0) {
      setOutcome({ kind: 'failed', failure: { kind: 'invalid', errors: localErrors, problem: null }, errors: localErrors });
      return;
    }
    setBusy(true);
    const result = await action();
    setBusy(false);
    if (result.kind === 'ok') {
      setMode({ kind: 'list' });
      setOutcome({ kind: 'done', message: done, undo });
      onWritten();
    } else {
      setOutcome({ kind: 'failed', failure: result, errors: result.kind === 'invalid' ? result.errors : {} });
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (mode.kind === 'list') {
      return;
    }
    const parser = new Parser(t);
    const input = spec.toInput(mode.values, parser);
    if (mode.kind === 'add') {
      const add = async () => {
        const result = await addPart(supplierId, spec.kind, input, keys.keyFor(input));
        if (result.kind !== 'unreachable') {
          keys.answered();
        }
        return result;
      };
      void run(add, t('parts.added'), parser.errors);
    } else {
      void run(() => replacePart(supplierId, spec.kind, mode.id, mode.version, input), t('parts.replaced'), parser.errors);
    }
  }

  /**
   * Removes an entry after asking. The API has no "restore", but the page still holds what the entry said: "undo" adds
   * it again (a new entry with the same values, under a new id).
   */
  async function remove(item: PartItem<K> & { id: string }) {
    const name = spec.describe(item, labelOf);
    const confirmed = await confirm({
      title: t('parts.removeConfirm', { name }),
      body: <p>{t('parts.removeConfirmBody')}</p>,
      confirmLabel: t('parts.removeConfirmAction'),
      danger: true,
    });
    if (!confirmed) {
      return;
    }
    setMode({ kind: 'list' });
    const again = spec.toInput(spec.fromItem(item), new Parser(t));
    const undo = () => {
      const restoreKeys = idempotencyKeys();
      void run(() => addPart(supplierId, spec.kind, again, restoreKeys.keyFor(again)), t('parts.restored', { name }));
    };
    void run(() => removePart(supplierId, spec.kind, item.id), t('parts.removed', { name }), {}, undo);
  }

  const errors = outcome.kind === 'failed' ? outcome.errors : {};
  const formOpen = mode.kind !== 'list';

  return (
    <section className="card part-editor" aria-labelledby={headingId} data-testid={`part-editor-${spec.kind}`}>
      <header className="profile-section__head">
        <h2 id={headingId}>{t(spec.title)}</h2>
        <DisclosureBadge level={level} />
      </header>
      {sectionErrors.length > 0 && <FieldErrorList id={`${headingId}-section-errors`} messages={sectionErrors} />}
      {items.length === 0 ? (
        <p className="muted" data-testid="section-empty">
          {t('section.none')}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                {spec.columns.map((column) => (
                  <th key={column.header} scope="col">
                    {t(column.header)}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{t('parts.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} data-testid="part-row">
                  {spec.columns.map((column) => (
                    <td key={column.header}>{column.cell(item, labelOf, t)}</td>
                  ))}
                  <td className="table__nowrap">
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-label={t('parts.editOf', { name: spec.describe(item, labelOf) })}
                      disabled={busy}
                      onClick={() => {
                        setOutcome({ kind: 'none' });
                        const values = spec.fromItem(item);
                        setMode({ kind: 'edit', id: item.id, version: item.version, values, initial: values });
                      }}
                    >
                      {t('parts.edit')}
                    </button>{' '}
                    <button
                      type="button"
                      className="button button--danger button--small"
                      aria-label={t('parts.removeOf', { name: spec.describe(item, labelOf) })}
                      disabled={busy}
                      onClick={() => void remove(item)}
                    >
                      {t('parts.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {outcome.kind === 'done' && (
        <p className="notice" role="status" data-testid="part-outcome">
          {outcome.message}
          {outcome.undo && (
            <button
              type="button"
              className="button button--secondary button--small notice__undo"
              disabled={busy}
              onClick={outcome.undo}
            >
              {t('parts.undo')}
            </button>
          )}
        </p>
      )}
      {outcome.kind === 'failed' && !formOpen && <WriteAlert failure={outcome.failure} onReload={onReload} />}

      {formOpen ? (
        <form className="form part-form" onSubmit={submit} noValidate aria-busy={busy} data-testid={`part-form-${spec.kind}`}>
          <h3>{mode.kind === 'add' ? t(spec.add) : t('parts.editHeading')}</h3>
          <div className="part-form__fields">
            {spec.fields.map((field) => (
              <PartFieldInput
                key={field.name}
                field={field}
                values={mode.values}
                errors={errors}
                equipment={equipment}
                labelOf={labelOf}
                onChange={(values) => setMode({ ...mode, values })}
              />
            ))}
          </div>
          {outcome.kind === 'failed' && (
            <FormAlert
              failure={outcome.failure}
              unclaimed={unclaimedErrors(errors, spec.fields.map((f) => f.name))}
              onReload={() => {
                setMode({ kind: 'list' });
                setOutcome({ kind: 'none' });
                onReload();
              }}
            />
          )}
          <div className="form__actions">
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('form.saving') : mode.kind === 'add' ? t('parts.add') : t('parts.save')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setMode({ kind: 'list' });
                setOutcome({ kind: 'none' });
              }}
            >
              {t('form.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setOutcome({ kind: 'none' });
            setMode({ kind: 'add', values: spec.empty() });
          }}
        >
          {t(spec.add)}
        </button>
      )}
      {dialog}
    </section>
  );
}

function PartFieldInput({
  field,
  values,
  errors,
  equipment,
  labelOf,
  onChange,
}: {
  field: PartField;
  values: PartValues;
  errors: FieldErrors;
  equipment: readonly PartItem<'equipment'>[];
  labelOf: LabelOf;
  onChange: (values: PartValues) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const equipmentTypes = useTaxonomy('equipment_types');
  const messages = errorsFor(errors, field.name);
  const errorId = `${id}-errors`;
  const invalid = messages.length > 0;

  if (field.type === 'taxonomy') {
    const value = values[field.name];
    return (
      <div className="form__field part-form__wide">
        <TaxonomyPicker
          kind={field.taxonomy}
          name={field.name}
          label={t(field.label) + (field.required ? ` ${t('form.required')}` : '')}
          multiple={field.multiple}
          value={Array.isArray(value) ? value : []}
          onChange={(codes) => onChange({ ...values, [field.name]: codes })}
          invalid={invalid}
          describedBy={invalid ? errorId : undefined}
        />
        <FieldErrorList id={errorId} messages={messages} />
      </div>
    );
  }

  if (field.type === 'equipmentRefs') {
    if (equipment.length === 0) {
      return null;
    }
    const chosen = Array.isArray(values[field.name]) ? (values[field.name] as string[]) : [];
    return (
      <fieldset className="form__field part-form__wide">
        <legend>{t(field.label)}</legend>
        <div className="form__checks">
          {equipment.map((item) => (
            <label key={item.id} className="form__check">
              <input
                type="checkbox"
                checked={chosen.includes(item.id)}
                onChange={(event) =>
                  onChange({
                    ...values,
                    [field.name]: event.target.checked ? [...chosen, item.id] : chosen.filter((c) => c !== item.id),
                  })
                }
              />
              {[labelOf('equipment_types', item.typeCode), item.model].filter(Boolean).join(' ')}
            </label>
          ))}
        </div>
        <FieldErrorList id={errorId} messages={messages} />
      </fieldset>
    );
  }

  let label = t(field.label);
  let unit = field.type === 'number' || field.type === 'integer' ? field.unit : undefined;
  if ((field.type === 'number' || field.type === 'integer') && field.keySpecOf) {
    const typeCode = values[field.keySpecOf];
    const code = Array.isArray(typeCode) ? typeCode[0] : typeCode;
    const keySpec = code && equipmentTypes.state.kind === 'ready' ? equipmentTypes.state.index.byCode.get(code)?.keySpec : undefined;
    if (keySpec) {
      label = t('equipment.specOf', { spec: keySpec.label });
      unit = keySpec.unit;
    }
  }
  const value = values[field.name];
  const input = (
    <input
      id={id}
      name={field.name}
      type={field.type === 'date' ? 'date' : 'text'}
      inputMode={field.type === 'number' ? 'decimal' : field.type === 'integer' ? 'numeric' : undefined}
      value={typeof value === 'string' ? value : ''}
      onChange={(event) => onChange({ ...values, [field.name]: event.target.value })}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? errorId : undefined}
    />
  );
  return (
    <div className="form__field">
      <label htmlFor={id}>{label}</label>
      {unit ? (
        <div className="input-unit">
          {input}
          <span className="input-unit__unit">{unit}</span>
        </div>
      ) : (
        input
      )}
      <FieldErrorList id={errorId} messages={messages} />
    </div>
  );
}
