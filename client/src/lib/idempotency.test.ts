import { describe, expect, it } from 'vitest';
import { idempotencyKeys } from './idempotency';

describe('idempotency keys of a creating form', () => {
  it('sends the same key again when the same request is retried after no answer', () => {
    const keys = idempotencyKeys();
    const first = keys.keyFor({ typeCode: 'press.servo' });

    expect(keys.keyFor({ typeCode: 'press.servo' })).toBe(first);
  });

  it('uses a new key once the API answered, or for another body', () => {
    const keys = idempotencyKeys();
    const first = keys.keyFor({ typeCode: 'press.servo' });
    const other = keys.keyFor({ typeCode: 'press.servo', model: 'X' });
    keys.answered();

    expect(other).not.toBe(first);
    expect(keys.keyFor({ typeCode: 'press.servo', model: 'X' })).not.toBe(other);
  });
});
