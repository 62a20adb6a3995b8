import { useEffect, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '@/lib/i18n';
import './taxonomy-picker.css';

/** A chosen value shown as a chip: its code (kept on the element) and the text people read. */
export interface PickerChip {
  code: string;
  text: string;
}

export interface SuggestionPickerProps<T> {
  label: string;
  chips: readonly PickerChip[];
  onRemove: (code: string) => void;
  /** Suggestions for what was typed (asked once typing pauses; an older answer is dropped). */
  suggest: (query: string, signal: AbortSignal) => Promise<T[]>;
  /** What else the suggestions depend on (a taxonomy kind, the language): a change asks again. */
  suggestKey?: string;
  codeOf: (option: T) => string;
  /** What an option shows; its code stays on the element only. */
  renderOption: (option: T) => ReactNode;
  onChoose: (option: T) => void;
  invalid?: boolean;
  /** Id of the element with the field's error messages. */
  describedBy?: string;
  placeholder: string;
  name?: string;
}

type Suggestions<T> = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; items: T[] } | { kind: 'error' };

/**
 * The chooser under the taxonomy and municipality pickers: a combobox (ARIA 1.2) whose typed word asks for
 * suggestions, arrow keys and Enter pick one without submitting the form, and the chosen values show as chips that
 * can be removed.
 */
export function SuggestionPicker<T>({
  label,
  chips,
  onRemove,
  suggest,
  suggestKey = '',
  codeOf,
  renderOption,
  onChoose,
  invalid = false,
  describedBy,
  placeholder,
  name,
}: SuggestionPickerProps<T>) {
  const { t } = useI18n();
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [suggestions, setSuggestions] = useState<Suggestions<T>>({ kind: 'idle' });

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
      suggest(q, controller.signal).then(
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
    // `suggest` is a new function on every render of the caller; what it depends on is in suggestKey.
  }, [query, suggestKey]);

  const options = suggestions.kind === 'ready' ? suggestions.items : [];

  function choose(option: T) {
    onChoose(option);
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
          choose(options[active]);
        }
        break;
      case 'Escape':
        setOpen(false);
        break;
    }
  }

  const expanded = open && suggestions.kind !== 'idle';
  return (
    <div className="picker" data-testid={name ? `picker-${name}` : undefined}>
      <label htmlFor={inputId}>{label}</label>
      {chips.length > 0 && (
        <ul className="picker__chips" aria-label={t('picker.chosen', { label })}>
          {chips.map((chip) => (
            <li key={chip.code} className="chip" data-code={chip.code}>
              <span>{chip.text}</span>
              <button type="button" className="chip__remove" aria-label={t('picker.remove', { label: chip.text })} onClick={() => onRemove(chip.code)}>
                ×
              </button>
            </li>
          ))}
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
          placeholder={placeholder}
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
              key={codeOf(option)}
              id={`${id}-option-${i}`}
              role="option"
              data-code={codeOf(option)}
              aria-selected={i === active}
              className={i === active ? 'picker__option picker__option--active' : 'picker__option'}
              // mousedown, not click: the input would lose focus (and close the list) before a click lands.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(option);
              }}
              onMouseEnter={() => setActive(i)}
            >
              {renderOption(option)}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
