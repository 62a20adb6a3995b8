import { FieldErrorList } from '@/components/field-error-list';

export interface DraftFieldProps {
  /** The element id; its messages get `${id}-errors`. */
  id: string;
  /** The API's name of the field (`lotSize`, `steps[0].massKg`), also the control's name. */
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  messages: readonly string[];
  /** `text` (the default) and numbers as typed, `date`, or a multi-line text. */
  type?: 'text' | 'number' | 'date' | 'multiline';
  unit?: string;
  hint?: string;
}

/** A labelled text field (the request form, the analytics region) with its unit, a hint and the messages for it (client's or API's). */
export function DraftField({ id, name, label, value, onChange, messages, type = 'text', unit, hint }: DraftFieldProps) {
  const invalid = messages.length > 0;
  const describedBy = [hint ? `${id}-hint` : null, invalid ? `${id}-errors` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name,
    value,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
  };
  const control =
    type === 'multiline' ? (
      <textarea {...common} rows={3} onChange={(event) => onChange(event.target.value)} />
    ) : (
      <input
        {...common}
        type={type === 'date' ? 'date' : 'text'}
        inputMode={type === 'number' ? 'decimal' : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  return (
    <div className="form__field">
      <label htmlFor={id}>{label}</label>
      {unit ? (
        <div className="input-unit">
          {control}
          <span className="input-unit__unit">{unit}</span>
        </div>
      ) : (
        control
      )}
      {hint && (
        <p className="muted form__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldErrorList id={`${id}-errors`} messages={messages} />
    </div>
  );
}
