/**
 * Idempotency-Key values for a form that creates something (DESIGN §6): a retry of the same request after no answer
 * came back (the network failed) sends the same key, so the API does not create a second one; any other submission
 * gets a new key — the API answers a key reused with another body with 422.
 */
export function idempotencyKeys() {
  let last: { body: string; key: string; answered: boolean } | null = null;
  return {
    /** The key for sending `body` now. */
    keyFor(body: unknown): string {
      const text = JSON.stringify(body);
      if (last && !last.answered && last.body === text) {
        return last.key;
      }
      last = { body: text, key: globalThis.crypto.randomUUID(), answered: false };
      return last.key;
    },
    /** The API answered the last request (whatever it said): its key is spent. */
    answered(): void {
      if (last) {
        last.answered = true;
      }
    },
  };
}
