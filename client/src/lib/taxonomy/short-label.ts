/**
 * A label without its trailing explanation in parentheses, for chips and facets where space is short:
 * "ISO 9001（品質マネジメントシステム）" → "ISO 9001". Labels without one are returned as they are.
 */
export function shortLabel(label: string): string {
  const match = /^(.+?)\s*[（(][^（()）]*[)）]$/.exec(label);
  return match ? match[1]! : label;
}
