export const languages = ['ja', 'en'] as const;
export type Language = (typeof languages)[number];

export const defaultLanguage: Language = 'ja';

const storageKey = 'registry.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isLanguage(stored) ? stored : defaultLanguage;
  } catch {
    // Storage can be unavailable (privacy modes); the default language still works.
    return defaultLanguage;
  }
}

export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Not persisting the choice is acceptable; the switch still applies to this page.
  }
}
