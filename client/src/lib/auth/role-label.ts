import { isMessageKey, type Translate } from '@/lib/i18n';

/** The translated name of a role; a role this app does not know yet shows as the API names it. */
export function roleLabel(role: string | null | undefined, t: Translate): string {
  if (!role) {
    return t('role.none');
  }
  const key = `role.${role}`;
  return isMessageKey(key) ? t(key) : role;
}
