import { describe, expect, it } from 'vitest';
import { postalDigits } from './use-postal-fill';

describe('postal codes as typed', () => {
  it.each(['4710025', '471-0025', '４７１－００２５', '〒471-0025', ' 471 0025 ', '471ー0025'])('reads %s', (typed) => {
    expect(postalDigits(typed)).toBe('4710025');
  });

  it.each(['', '471-002', '47100255', '4710-025', '豊田市'])('does not take %s for one', (typed) => {
    expect(postalDigits(typed)).toBeNull();
  });
});
