import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '@/lib/i18n';
import type { TaxonomyKind } from './list-taxonomy-terms';
import { loadTaxonomy, type TaxonomyIndex } from './taxonomy-cache';

export type TaxonomyState = { kind: 'loading' } | { kind: 'ready'; index: TaxonomyIndex } | { kind: 'error'; error: unknown };

/** One taxonomy in the UI language; loads again when the language changes (and on reload() after an error). */
export function useTaxonomy(kind: TaxonomyKind): { state: TaxonomyState; reload: () => void } {
  const { language } = useI18n();
  const [state, setState] = useState<TaxonomyState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setState({ kind: 'loading' });
    loadTaxonomy(kind, language).then(
      (index) => current && setState({ kind: 'ready', index }),
      (error: unknown) => current && setState({ kind: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, [kind, language, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}

export type LabelOf = (kind: TaxonomyKind, code: string) => string;

/**
 * Labels for codes of several taxonomies. Until a taxonomy has loaded (or when it failed), its codes are shown as
 * they are: a label is a nicety, the code is still the fact.
 */
export function useTaxonomyLabels(kinds: readonly TaxonomyKind[]): LabelOf {
  const { language } = useI18n();
  const [indexes, setIndexes] = useState<Partial<Record<TaxonomyKind, TaxonomyIndex>>>({});
  const key = kinds.join(',');

  useEffect(() => {
    let current = true;
    setIndexes({});
    for (const kind of key.split(',') as TaxonomyKind[]) {
      loadTaxonomy(kind, language).then(
        (index) => current && setIndexes((previous) => ({ ...previous, [kind]: index })),
        () => undefined,
      );
    }
    return () => {
      current = false;
    };
  }, [key, language]);

  return useCallback((kind: TaxonomyKind, code: string) => indexes[kind]?.label(code) ?? code, [indexes]);
}
