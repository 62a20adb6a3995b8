import { describe, expect, it } from 'vitest';
import { focusFirstError } from './focus-first-error';

function form(html: string): HTMLElement {
  const root = document.createElement('form');
  root.innerHTML = html;
  document.body.replaceChildren(root);
  return root;
}

describe('focusFirstError', () => {
  it('focuses the control of the first message in reading order, skipping valid fields', () => {
    const root = form(`
      <div class="form__field"><label for="a">A</label><input id="a"></div>
      <div class="form__field"><label for="b">B</label><input id="b" aria-invalid="true" aria-describedby="b-errors">
        <ul id="b-errors" data-field-errors><li>B is wrong</li></ul></div>
      <div class="form__field"><label for="c">C</label><input id="c" aria-invalid="true" aria-describedby="c-errors">
        <ul id="c-errors" data-field-errors><li>C is wrong</li></ul></div>`);

    const focused = focusFirstError(root);

    expect(focused?.id).toBe('b');
    expect(document.activeElement?.id).toBe('b');
  });

  it('gives a group named by its message (a fieldset) its first control', () => {
    const root = form(`
      <fieldset aria-describedby="qa-errors"><legend>QA</legend>
        <label><input type="checkbox" id="qa-1"> one</label><label><input type="checkbox" id="qa-2"> two</label>
        <ul id="qa-errors" data-field-errors><li>Choose one</li></ul></fieldset>`);

    expect(focusFirstError(root)?.id).toBe('qa-1');
  });

  it('focuses a message that belongs to no control itself, so it is read out', () => {
    const root = form(`<input id="x"><ul id="whole-errors" data-field-errors><li>Give a radius or prefectures</li></ul>`);

    const focused = focusFirstError(root);

    expect(focused?.id).toBe('whole-errors');
    expect(focused).toHaveAttribute('tabindex', '-1');
    expect(document.activeElement).toBe(focused);
  });

  it('does nothing when the form shows no field problem', () => {
    const root = form(`<input id="x"><button id="save">Save</button>`);
    document.getElementById('save')!.focus();

    expect(focusFirstError(root)).toBeNull();
    expect(document.activeElement?.id).toBe('save');
  });
});
