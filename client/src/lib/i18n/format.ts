import type { Language } from './languages';

/** A date and time in the reader's language and time zone, e.g. 2026/11/29 17:32:05 or Nov 29, 2026, 5:32:05 PM. */
export function formatDateTime(value: string | Date, language: Language): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) {
    return String(value);
  }
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
}
