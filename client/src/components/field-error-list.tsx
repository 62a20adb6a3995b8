/**
 * The API's messages for one field, under it; referenced by the field's aria-describedby. `data-field-errors` marks it
 * for focusFirstError (a failed save moves focus to the first of them).
 */
export function FieldErrorList({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) {
    return null;
  }
  return (
    <ul className="form__errors" id={id} data-testid="field-errors" data-field-errors="">
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}
