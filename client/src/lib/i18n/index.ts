export { I18nProvider } from './i18n-provider';
export { isMessageKey, useI18n, type MessageKey, type Translate } from './i18n-context';
export { daysSince, formatCount, formatDateTime, formatDay, formatIsoDate, formatJapanTime, formatNumber, formatYen, joinList } from './format';
export { languages, type Language } from './languages';
