import type { Schemas } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';

export type DisclosureLevel = Schemas['DisclosureLevel'];

export const disclosureLevels = ['public', 'members', 'coordinators'] as const satisfies readonly DisclosureLevel[];

/** Who may see a section: 公開 / 会員のみ / コーディネーターのみ. */
export function DisclosureBadge({ level }: { level: DisclosureLevel }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge--level badge--level-${level}`} data-testid="disclosure-level" data-level={level}>
      {t(`disclosure.${level}`)}
    </span>
  );
}
