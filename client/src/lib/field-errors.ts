import type { Problem } from './problem';

/** A validation problem's messages by field, with the API's field names (JSON paths such as `capacity.spareCapacityPct`). */
export type FieldErrors = Record<string, string[]>;

/**
 * The problem's `errors`, keyed by the field names of the wire. System.Text.Json reports `$.nameJa` or `$.contact.email`
 * for bodies it cannot read; the leading `$.` is dropped so those land on the same fields as validation messages.
 */
export function fieldErrors(problem: Problem | null | undefined): FieldErrors {
  const errors: FieldErrors = {};
  for (const [key, messages] of Object.entries(problem?.errors ?? {})) {
    const field = key.replace(/^\$\.?/, '');
    errors[field] = [...(errors[field] ?? []), ...messages];
  }
  return errors;
}

/**
 * Whether an error's field belongs to a form field: the same name, or a part of it (`location` owns `location.lat`;
 * `materialCodes` owns `materialCodes[0]`). Compared without regard to case, as ASP.NET Core binds names.
 */
export function belongsTo(errorField: string, formField: string): boolean {
  const error = errorField.toLowerCase();
  const field = formField.toLowerCase();
  return error === field || error.startsWith(`${field}.`) || error.startsWith(`${field}[`);
}

/** The messages to show next to `field`. */
export function errorsFor(errors: FieldErrors, field: string): string[] {
  return Object.entries(errors)
    .filter(([key]) => belongsTo(key, field))
    .flatMap(([, messages]) => messages);
}

/** Messages for fields that none of `fields` shows (e.g. `body`, or a field the form does not have): shown with the form's alert. */
export function unclaimedErrors(errors: FieldErrors, fields: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([key]) => !fields.some((field) => belongsTo(key, field)))
    .flatMap(([key, messages]) => messages.map((message) => (key ? `${key}: ${message}` : message)));
}
