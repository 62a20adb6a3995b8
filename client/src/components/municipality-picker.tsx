import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useI18n } from '@/lib/i18n';
import { listMunicipalities, municipalityName, useMunicipalityNames, type Municipality } from '@/lib/places';
import './taxonomy-picker.css';

export interface MunicipalityPickerProps {
  label: string;
  /** The chosen municipality's 6-digit code, or '' for none. */
  value: string;
  onChange: (municipality: Municipality | null) => void;
  invalid?: boolean;
  /** Id of the element with the field's error messages. */
  describedBy?: string;
  placeholder?: string;
  name?: string;
}

type Suggestions =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; items: Municipality[] }
  | { kind: 'error' };

/**
 * A municipality chooser: type a name in kanji, kana or romaji (豊田, とよた, toyota) and pick from the places API's
 * suggestions (listMunicipalities). The chosen one shows as a chip with its name and prefecture.
 */
export function MunicipalityPicker({ label, value, onChange, invalid = false, describedBy, placeholder, name }: MunicipalityPickerProps) {
  const { t, language } = useI18n();
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const nameOf = useMunicipalityNames([value]);
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
      listMunicipalities({ q, limit: 10 }, controller.signal).then(
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
  }, [query]);

  const options = suggestions.kind === 'ready' ? suggestions.items : [];

  function choose(municipality: Municipality) {
    onChange(municipality);
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

  const chosen = value ? (nameOf(value) ?? value) : '';
  const expanded = open && suggestions.kind !== 'idle';
  return (
    <div className="picker" data-testid={name ? `picker-${name}` : undefined}>
      <label htmlFor={inputId}>{label}</label>
      {value && (
        <ul className="picker__chips" aria-label={t('picker.chosen', { label })}>
          <li className="chip" data-code={value}>
            <span>{chosen}</span>
            <button
              type="button"
              className="chip__remove"
              aria-label={t('picker.remove', { label: chosen })}
              onClick={() => onChange(null)}
            >
              ×
            </button>
          </li>
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
          placeholder={placeholder ?? t('places.pickerPlaceholder')}
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
              aria-selected={i === active}
              className={i === active ? 'picker__option picker__option--active' : 'picker__option'}
              // mousedown, not click: the input would lose focus (and close the list) before a click lands.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(option);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span>{municipalityName(option, language)}</span>
              <span className="picker__matched">
                {language === 'en' ? option.prefecture.nameEn : `${option.prefecture.nameJa}・${option.nameKana}`}
              </span>
              <code className="picker__code">{option.code}</code>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
