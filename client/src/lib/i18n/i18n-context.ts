import { createContext, useContext } from 'react';
import type { Language } from './languages';
import { en } from './messages/en';
import { ja, type MessageKey } from './messages/ja';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const catalogues: Record<Language, Record<MessageKey, string>> = { ja, en };

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(ja, key);
}

/** Looks a message up in the catalogue and fills its `{name}` placeholders. */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const message = catalogues[language][key];
  if (!params) {
    return message;
  }
  return message.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : placeholder,
  );
}

export interface I18nValue {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

export const I18nContext = createContext<I18nValue | null>(null);

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) {
    throw new Error('useI18n must be used inside <I18nProvider>');
  }
  return value;
}
