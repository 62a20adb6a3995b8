import type { Schemas } from '@/lib/api-client';
import { joinList, useI18n } from '@/lib/i18n';
import type { LabelOf } from '@/lib/taxonomy';
import './capability-facts.css';

type Capability = Schemas['Capability'];

/** "900 × 720 × 630 mm" (an axis not given is "?"), or null when the capability names no size. */
export function envelopeText(item: Capability): string | null {
  return item.maxXMm != null || item.maxYMm != null || item.maxZMm != null
    ? `${item.maxXMm ?? '?'} × ${item.maxYMm ?? '?'} × ${item.maxZMm ?? '?'} mm`
    : null;
}

/** "±5 µm", or null. */
export function toleranceText(item: Capability): string | null {
  return item.bestToleranceUm != null ? `±${item.bestToleranceUm} µm` : null;
}

/** "10–1000" (an open end left empty), or null when neither end is given. */
export function lotText(item: Capability): string | null {
  return item.lotMin != null || item.lotMax != null ? `${item.lotMin ?? ''}–${item.lotMax ?? ''}` : null;
}

/**
 * One capability's facts in a line, as the profile's capability table has them — materials, the largest workpiece
 * (and mass), tolerance, lot — each with its label, leaving out what the site did not give.
 */
export function CapabilityFacts({ item, labelOf }: { item: Capability; labelOf: LabelOf }) {
  const { t, language } = useI18n();
  const size = [envelopeText(item), item.maxMassKg != null ? t('capability.mass', { kg: item.maxMassKg }) : null].filter(Boolean).join(' / ');
  const facts: [string, string | null][] = [
    [t('capability.materials'), item.materialCodes.length > 0 ? joinList(item.materialCodes.map((code) => labelOf('materials', code)), language) : null],
    [t('capability.envelope'), size || null],
    [t('capability.tolerance'), toleranceText(item)],
    [t('capability.lot'), lotText(item)],
  ];
  const given = facts.filter((fact): fact is [string, string] => fact[1] !== null);
  if (given.length === 0) {
    return <span className="muted">{t('capability.noFacts')}</span>;
  }
  return (
    <dl className="capability-facts" data-testid="capability-facts">
      {given.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
