import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nContext, translate, type I18nValue, type MessageKey, type MessageParams } from './i18n-context';
import { readStoredLanguage, storeLanguage, type Language } from './languages';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(readStoredLanguage);

  const setLanguage = useCallback((next: Language) => {
    storeLanguage(next);
    setLanguageState(next);
  }, []);

  // The document follows the chosen language: screen readers, hyphenation and font selection read <html lang>. The
  // title is each page's (lib/page-title.ts).
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo<I18nValue>(
    () => ({
      language,
      setLanguage,
      t: (key: MessageKey, params?: MessageParams) => translate(language, key, params),
    }),
    [language, setLanguage],
  );

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
