import { useId, useState, type ReactNode } from 'react';
import type { LatLon } from '@/components/map';
import { formatNumber, useI18n } from '@/lib/i18n';
import type { MatchChain } from '../api/types';
import { ChainView } from './chain-view';
import { GapList } from './gap-list';

/**
 * Every chain the evaluation returned, best first: how much of the work each keeps in the region, how many firms it
 * takes, how far parts travel and which steps no supplier in the region can do. Choosing one shows its sites and
 * legs, on the map too.
 */
export function ChainList({
  chains,
  processOf,
  deliveryPoint,
  chainAction,
}: {
  chains: readonly MatchChain[];
  processOf: (step: number) => string;
  deliveryPoint?: LatLon | null;
  /** The buyer's action on the chosen chain (award it), shown above its details. */
  chainAction?: (chain: MatchChain, n: number) => ReactNode;
}) {
  const { t, language } = useI18n();
  const id = useId();
  const [chosen, setChosen] = useState(0);
  const index = chosen < chains.length ? chosen : 0;
  const chain = chains[index];

  if (!chain) {
    return (
      <section className="chains" data-testid="chains">
        <h3>{t('matching.chains')}</h3>
        <p className="muted">{t('matching.noChain')}</p>
      </section>
    );
  }

  return (
    <section className="chains" data-testid="chains" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('matching.chains')}</h3>
      <p className="muted">{t('matching.chainsLead')}</p>
      <fieldset className="chain-options">
        <legend className="visually-hidden">{t('matching.chainsChoice')}</legend>
        <ol className="chain-options__list">
          {chains.map((option, i) => {
            const factsId = `${id}-facts-${i}`;
            return (
              <li key={i} className="chain-option" data-testid="chain-option" data-selected={i === index || undefined}>
                <label className="form__check chain-option__name">
                  <input
                    type="radio"
                    name={`${id}-chain`}
                    checked={i === index}
                    aria-describedby={factsId}
                    onChange={() => setChosen(i)}
                  />
                  {t('matching.chainOption', { n: i + 1 })}
                </label>
                <div id={factsId}>
                  <ul className="chain-option__facts">
                    <li data-testid="option-completeness">
                      {t('matching.completeness', { pct: formatNumber(option.completeness * 100, language, 0) })}
                    </li>
                    <li data-testid="option-firms">{t('matching.firms', { count: option.firms })}</li>
                    <li data-testid="option-total">{t('matching.totalKm', { km: formatNumber(option.totalKm, language) })}</li>
                  </ul>
                  <GapList gaps={option.gaps} processOf={processOf} />
                </div>
              </li>
            );
          })}
        </ol>
      </fieldset>
      {chainAction?.(chain, index + 1)}
      <ChainView key={index} chain={chain} n={index + 1} processOf={processOf} deliveryPoint={deliveryPoint} />
    </section>
  );
}
