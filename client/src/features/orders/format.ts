import type { Language } from '@/lib/i18n';

/** JPY as the order shows it: ¥12,345 (integers; the service never sends fractions of a yen). */
export function formatYen(amount: number, language: Language): string {
  return `¥${amount.toLocaleString(language === 'en' ? 'en-US' : 'ja-JP')}`;
}

/** A count as the order shows it: 1,200. */
export function formatCount(value: number, language: Language): string {
  return value.toLocaleString(language === 'en' ? 'en-US' : 'ja-JP');
}
