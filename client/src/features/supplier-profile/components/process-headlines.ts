/**
 * The most specific process codes of a profile. The profile lists every code with its ancestors
 * (`machining`, `machining.milling`, `machining.milling.5axis`); a headline names only the last.
 */
export function headlineCodes(codes: readonly string[]): string[] {
  return codes.filter((code) => !codes.some((other) => other !== code && other.startsWith(`${code}.`)));
}
