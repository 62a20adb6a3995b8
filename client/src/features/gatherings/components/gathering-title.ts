import type { Language } from '@/lib/i18n';
import type { Gathering } from '../api/types';

/** The gathering's title in the reader's language (the Japanese one when it has no English one). */
export function titleOf(gathering: Pick<Gathering, 'titleJa' | 'titleEn'>, language: Language): string {
  return language === 'en' && gathering.titleEn ? gathering.titleEn : gathering.titleJa;
}
