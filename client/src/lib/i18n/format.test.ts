import { describe, expect, it } from 'vitest';
import { joinList } from './format';

describe('a list in the reader’s language', () => {
  it('uses the ideographic comma in Japanese and a comma and space in English', () => {
    expect(joinList(['板金加工', '溶接'], 'ja')).toBe('板金加工、溶接');
    expect(joinList(['Sheet metal', 'Welding'], 'en')).toBe('Sheet metal, Welding');
    expect(joinList([], 'en')).toBe('');
  });
});
