import type { Language } from './languages';

/** A date and time in the reader's language and time zone, e.g. 2026/11/29 17:32:05 or Nov 29, 2026, 5:32:05 PM. */
export function formatDateTime(value: string | Date, language: Language): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) {
    return String(value);
  }
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
}

/**
 * YYYY-MM-DD in the reader's time zone for a timestamp; a plain date (`2027-03-31`) is returned as it is, since it
 * names a calendar day, not an instant.
 */
export function formatIsoDate(value: string | Date): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return value;
  }
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) {
    return String(value);
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Whole days from `value` to `now` (never negative). */
export function daysSince(value: string | Date, now: Date = new Date()): number {
  const date = typeof value === 'string' ? new Date(value) : value;
  const ms = now.getTime() - date.getTime();
  return Number.isNaN(ms) ? 0 : Math.max(0, Math.floor(ms / 86_400_000));
}

/** A number in the reader's language, at most `digits` decimals. */
export function formatNumber(value: number, language: Language, digits = 1): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value);
}

/** A list as the language writes one: 板金加工、溶接 in Japanese, sheet metal, welding in English. */
export function joinList(values: readonly string[], language: Language): string {
  return values.join(language === 'en' ? ', ' : '、');
}

/** JPY as an order or a table shows it: ¥12,345 (integers; the service never sends fractions of a yen). */
export function formatYen(amount: number, language: Language): string {
  return `¥${amount.toLocaleString(language === 'en' ? 'en-US' : 'ja-JP')}`;
}

/** A count as an order shows it: 1,200. */
export function formatCount(value: number, language: Language): string {
  return value.toLocaleString(language === 'en' ? 'en-US' : 'ja-JP');
}

/**
 * A calendar day (`2030-05-20`) as people write it, with the weekday: 2030年5月20日(月) or Mon, May 20, 2030. The
 * day is read as it is, never shifted by a time zone.
 */
export function formatDay(value: string, language: Language): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  return new Intl.DateTimeFormat(language, {
    timeZone: /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'UTC' : undefined,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
  }).format(date);
}

/** An instant's time of day in Japan (where the region's gatherings are held), HH:mm. */
export function formatJapanTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}
