import { describe, expect, it } from 'vitest';
import { joinList } from './format';

describe('a list in the reader’s language', () => {
  it('uses the ideographic comma in Japanese and a comma and space in English', () => {
    expect(joinList(['板金加工', '溶接'], 'ja')).toBe('板金加工、溶接');
    expect(joinList(['Sheet metal', 'Welding'], 'en')).toBe('Sheet metal, Welding');
    expect(joinList([], 'en')).toBe('');
  });
});

describe('a gathering’s day and time', () => {
  it('writes a calendar day with its weekday, never shifted by the time zone', async () => {
    const { formatDay } = await import('./format');
    expect(formatDay('2030-05-20', 'ja')).toBe('2030年5月20日(月)');
    expect(formatDay('2030-05-20', 'en')).toBe('Mon, May 20, 2030');
  });

  it('gives an instant’s time of day in Japan', async () => {
    const { formatJapanTime } = await import('./format');
    expect(formatJapanTime('2030-05-20T04:20:00Z')).toBe('13:20');
  });
});
