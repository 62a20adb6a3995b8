/** The API's messages for one field, under it; referenced by the field's aria-describedby. */
export function FieldErrorList({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) {
    return null;
  }
  return (
    <ul className="form__errors" id={id} data-testid="field-errors">
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}
