export { listTaxonomyTerms, type TaxonomyKind, type TaxonomyTerm } from './list-taxonomy-terms';
export { suggestTaxonomyTerms, type TaxonomySuggestion } from './suggest-taxonomy-terms';
export { clearTaxonomyCache, loadTaxonomy, TaxonomyIndex } from './taxonomy-cache';
export { useTaxonomy, useTaxonomyLabels, type LabelOf, type TaxonomyState } from './use-taxonomy';
export { shortLabel } from './short-label';
