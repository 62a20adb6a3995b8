import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useI18n } from '@/lib/i18n';
import { suggestTaxonomyTerms, useTaxonomyLabels, type TaxonomyKind, type TaxonomySuggestion } from '@/lib/taxonomy';
import './taxonomy-picker.css';

export interface TaxonomyPickerProps {
  kind: TaxonomyKind;
  label: string;
  /** The chosen codes. */
  value: readonly string[];
  onChange: (codes: string[]) => void;
  /** Several codes (chips) or one (choosing another replaces it). */
  multiple?: boolean;
  invalid?: boolean;
  /** Id of the element with the field's error messages. */
  describedBy?: string;
  placeholder?: string;
  name?: string;
}

type Suggestions =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; items: TaxonomySuggestion[] }
  | { kind: 'error' };

/**
 * A taxonomy term chooser: type a word in Japanese or English (溶接, 5軸, MC, welding…) and pick from the API's
 * suggestions (suggestTaxonomyTerms). Chosen terms show as chips with their labels and can be removed.
 */
export function TaxonomyPicker({
  kind,
  label,
  value,
  onChange,
  multiple = false,
  invalid = false,
  describedBy,
  placeholder,
  name,
}: TaxonomyPickerProps) {
  const { t, language } = useI18n();
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const labelOf = useTaxonomyLabels([kind]);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [suggestions, setSuggestions] = useState<Suggestions>({ kind: 'idle' });

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setSuggestions({ kind: 'idle' });
      return;
    }
    const controller = new AbortController();
    setSuggestions({ kind: 'loading' });
    // A short pause so that typing a word asks once, not once per keystroke.
    const timer = setTimeout(() => {
      suggestTaxonomyTerms(q, [kind], language, controller.signal).then(
        (items) => {
          if (!controller.signal.aborted) {
            setSuggestions({ kind: 'ready', items });
            setActive(0);
          }
        },
        () => {
          if (!controller.signal.aborted) {
            setSuggestions({ kind: 'error' });
          }
        },
      );
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, kind, language]);

  const options = suggestions.kind === 'ready' ? suggestions.items : [];

  function choose(code: string) {
    if (multiple) {
      onChange(value.includes(code) ? [...value] : [...value, code]);
    } else {
      onChange([code]);
    }
    setQuery('');
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        setActive((n) => Math.min(n + 1, Math.max(options.length - 1, 0)));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive((n) => Math.max(n - 1, 0));
        break;
      case 'Enter':
        // Enter picks the highlighted suggestion instead of submitting the surrounding form.
        if (open && options[active]) {
          event.preventDefault();
          choose(options[active].code);
        }
        break;
      case 'Escape':
        setOpen(false);
        break;
    }
  }

  const expanded = open && suggestions.kind !== 'idle';
  /** The label of the term's parent (codes run from the family down: machining.turning.cnc → machining.turning). */
  const parentLabel = (code: string): string | null => {
    const parent = code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null;
    const text = parent ? labelOf(kind, parent) : null;
    return text && text !== parent ? text : null;
  };
  return (
    <div className="picker" data-testid={name ? `picker-${name}` : undefined}>
      <label htmlFor={inputId}>{label}</label>
      {value.length > 0 && (
        <ul className="picker__chips" aria-label={t('picker.chosen', { label })}>
          {value.map((code) => {
            const text = labelOf(kind, code);
            return (
              <li key={code} className="chip" data-code={code}>
                <span>{text}</span>
                <button
                  type="button"
                  className="chip__remove"
                  aria-label={t('picker.remove', { label: text })}
                  onClick={() => onChange(value.filter((c) => c !== code))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="picker__box">
        <input
          id={inputId}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && options[active] ? `${id}-option-${active}` : undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          placeholder={placeholder ?? t('picker.placeholder')}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <ul className="picker__list" role="listbox" id={listId} aria-label={label} hidden={!expanded}>
          {suggestions.kind === 'loading' && (
            <li className="picker__status" role="presentation">
              {t('picker.loading')}
            </li>
          )}
          {suggestions.kind === 'error' && (
            <li className="picker__status picker__status--error" role="presentation">
              {t('picker.error')}
            </li>
          )}
          {suggestions.kind === 'ready' && options.length === 0 && (
            <li className="picker__status" role="presentation">
              {t('picker.none')}
            </li>
          )}
          {options.map((option, i) => (
            <li
              key={option.code}
              id={`${id}-option-${i}`}
              role="option"
              data-code={option.code}
              aria-selected={i === active}
              className={i === active ? 'picker__option picker__option--active' : 'picker__option'}
              // mousedown, not click: the input would lose focus (and close the list) before a click lands.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(option.code);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span>{option.label}</span>
              {option.matched !== option.label && option.matched !== option.code && (
                <span className="picker__matched">{option.matched}</span>
              )}
              {/* Where the term sits (its parent's label), in place of its code: labels, not codes, for people. */}
              {parentLabel(option.code) && <span className="picker__parent">{parentLabel(option.code)}</span>}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
