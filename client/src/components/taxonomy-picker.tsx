import { useI18n } from '@/lib/i18n';
import { suggestTaxonomyTerms, useTaxonomyLabels, type TaxonomyKind, type TaxonomySuggestion } from '@/lib/taxonomy';
import { SuggestionPicker } from './suggestion-picker';

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

/**
 * A taxonomy term chooser: type a word in Japanese or English (溶接, 5軸, MC, welding…) and pick from the API's
 * suggestions (suggestTaxonomyTerms), each shown with the term it matched and where it sits (its parent's label, in
 * place of its code: labels, not codes, for people). Chosen terms show as chips with their labels and can be removed.
 */
export function TaxonomyPicker({
  kind,
  label,
  value,
  onChange,
  multiple = false,
  invalid,
  describedBy,
  placeholder,
  name,
}: TaxonomyPickerProps) {
  const { t, language } = useI18n();
  const labelOf = useTaxonomyLabels([kind]);
  /** The label of the term's parent (codes run from the family down: machining.turning.cnc → machining.turning). */
  const parentLabel = (code: string): string | null => {
    const parent = code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null;
    const text = parent ? labelOf(kind, parent) : null;
    return text && text !== parent ? text : null;
  };
  return (
    <SuggestionPicker<TaxonomySuggestion>
      label={label}
      chips={value.map((code) => ({ code, text: labelOf(kind, code) }))}
      onRemove={(code) => onChange(value.filter((c) => c !== code))}
      suggest={(q, signal) => suggestTaxonomyTerms(q, [kind], language, signal)}
      suggestKey={`${kind}|${language}`}
      codeOf={(option) => option.code}
      renderOption={(option) => (
        <>
          <span>{option.label}</span>
          {option.matched !== option.label && option.matched !== option.code && <span className="picker__matched">{option.matched}</span>}
          {parentLabel(option.code) && <span className="picker__parent">{parentLabel(option.code)}</span>}
        </>
      )}
      onChoose={(option) => onChange(multiple ? (value.includes(option.code) ? [...value] : [...value, option.code]) : [option.code])}
      invalid={invalid}
      describedBy={describedBy}
      placeholder={placeholder ?? t('picker.placeholder')}
      name={name}
    />
  );
}
