import { useI18n } from '@/lib/i18n';
import { listMunicipalities, municipalityName, useMunicipalityNames, type Municipality } from '@/lib/places';
import { SuggestionPicker } from './suggestion-picker';

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

/**
 * A municipality chooser: type a name in kanji, kana or romaji (豊田, とよた, toyota) and pick from the places API's
 * suggestions (listMunicipalities), each with its prefecture and reading. The chosen one shows as a chip with its name.
 */
export function MunicipalityPicker({ label, value, onChange, invalid, describedBy, placeholder, name }: MunicipalityPickerProps) {
  const { t, language } = useI18n();
  const nameOf = useMunicipalityNames([value]);
  return (
    <SuggestionPicker<Municipality>
      label={label}
      chips={value ? [{ code: value, text: nameOf(value) ?? value }] : []}
      onRemove={() => onChange(null)}
      suggest={(q, signal) => listMunicipalities({ q, limit: 10 }, signal)}
      codeOf={(option) => option.code}
      renderOption={(option) => (
        <>
          <span>{municipalityName(option, language)}</span>
          <span className="picker__matched">
            {language === 'en' ? option.prefecture.nameEn : `${option.prefecture.nameJa}・${option.nameKana}`}
          </span>
        </>
      )}
      onChoose={onChange}
      invalid={invalid}
      describedBy={describedBy}
      placeholder={placeholder ?? t('places.pickerPlaceholder')}
      name={name}
    />
  );
}
