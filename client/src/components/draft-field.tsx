import type { ReactNode } from 'react';
import { FieldErrorList } from '@/components/field-error-list';

export interface DraftFieldProps {
  /** The element id; its messages get `${id}-errors`. */
  id: string;
  /** The API's name of the field (`lotSize`, `steps[0].massKg`), also the control's name. */
  name: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  messages: readonly string[];
  /** `text` (the default) and numbers as typed (`integer`: a count), `date`, or a multi-line text. */
  type?: 'text' | 'number' | 'integer' | 'date' | 'multiline';
  unit?: string;
  hint?: string;
  /** The longest value the API takes (a note, a reason): typing stops there instead of a refusal after sending. */
  maxLength?: number;
  autoComplete?: string;
}

/**
 * A labelled text field (the request form, the analytics region, the order forms) with its unit, a hint and the
 * messages for it (client's or API's).
 */
export function DraftField({ id, name, label, value, onChange, messages, type = 'text', unit, hint, maxLength, autoComplete }: DraftFieldProps) {
  const invalid = messages.length > 0;
  const describedBy = [hint ? `${id}-hint` : null, invalid ? `${id}-errors` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name,
    value,
    maxLength,
    autoComplete,
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
        inputMode={type === 'number' ? 'decimal' : type === 'integer' ? 'numeric' : undefined}
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
