/** The marker every field message list carries (FieldErrorList); the first one in the form is where focus goes. */
export const fieldErrorsSelector = '[data-field-errors]';

const focusable =
  'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The control a field message belongs to: the one whose aria-describedby names the message list (a fieldset named so
 * gives its first control), else the first invalid control of the message's field (`.form__field`), else the list
 * itself.
 */
function controlFor(list: HTMLElement, root: HTMLElement): HTMLElement {
  const id = list.id;
  if (id) {
    for (const element of root.querySelectorAll<HTMLElement>('[aria-describedby]')) {
      const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/);
      if (ids.includes(id)) {
        if (element.matches(focusable) && element.tagName !== 'FIELDSET') {
          return element;
        }
        const inner = element.querySelector<HTMLElement>(focusable);
        if (inner) {
          return inner;
        }
      }
    }
  }
  const field = list.closest<HTMLElement>('.form__field, fieldset');
  const invalid = field?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (invalid) {
    return invalid;
  }
  // A message for the form or a group as a whole: the message itself takes focus, so it is read out and in view.
  if (!list.hasAttribute('tabindex')) {
    list.setAttribute('tabindex', '-1');
  }
  return list;
}

/**
 * Moves focus to the first problem in `root` in reading order — the first field message list or invalid control —
 * and scrolls it into view. Returns what was focused; null when `root` shows no field problem.
 */
export function focusFirstError(root: HTMLElement): HTMLElement | null {
  const first = root.querySelector<HTMLElement>(`${fieldErrorsSelector}, [aria-invalid="true"]`);
  if (!first) {
    return null;
  }
  const target = first.matches(fieldErrorsSelector) ? controlFor(first, root) : first;
  target.focus();
  // happy-dom and old browsers may lack scrollIntoView's options; focus() has scrolled already where it exists.
  target.scrollIntoView?.({ block: 'center' });
  return target;
}
