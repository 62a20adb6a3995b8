import { afterEach, describe, expect, it, vi } from 'vitest';
import { csvBlob, csvField, csvFileName, downloadCsv, toCsv } from './csv';

describe('the CSV writer', () => {
  it('starts with a byte order mark and ends every record, the last one too, with CRLF', () => {
    const text = toCsv([
      ['工程', '事業所数'],
      ['切削', 12],
    ]);
    expect(text).toBe('\uFEFF工程,事業所数\r\n切削,12\r\n');
    expect(text.split('\r\n')).toHaveLength(3);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('quotes fields with commas, quotes or line breaks and doubles the quotes inside', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('14" モニター')).toBe('"14"" モニター"');
    expect(csvField('一行目\n二行目')).toBe('"一行目\n二行目"');
    expect(csvField('一行目\r\n二行目')).toBe('"一行目\r\n二行目"');
    expect(csvField('そのまま')).toBe('そのまま');
    expect(toCsv([['a,b', 'c"d', 'e']])).toBe('\uFEFF"a,b","c""d",e\r\n');
  });

  it('writes numbers plainly and nothing for missing values', () => {
    expect(csvField(1234567.5)).toBe('1234567.5');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(0)).toBe('0');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
    expect(toCsv([[null, 1, undefined]])).toBe('\uFEFF,1,\r\n');
  });

  it('keeps text that Excel would run as a formula from running', () => {
    expect(csvField('=HYPERLINK("http://example.test")')).toBe('"\'=HYPERLINK(""http://example.test"")"');
    expect(csvField('+81')).toBe("'+81");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-')).toBe("'-");
  });

  it('encodes the file as UTF-8 with the BOM bytes EF BB BF', async () => {
    const bytes = new Uint8Array(await csvBlob([['愛知']]).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.slice(3))).toBe('愛知\r\n');
  });

  it('names files safely', () => {
    expect(csvFileName('coverage/by municipality')).toBe('coverage-by-municipality.csv');
    expect(csvFileName('gaps.csv')).toBe('gaps.csv');
    expect(csvFileName('')).toBe('table.csv');
  });
});

describe('downloading a CSV file', () => {
  afterEach(() => vi.restoreAllMocks());

  it('hands the browser a CSV blob under the file name', async () => {
    let saved: Blob | null = null;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved = blob as Blob;
      return 'blob:csv';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });

    downloadCsv('demand by month', [['月', '件数'], ['2030-05', 3]]);

    expect(clicked).toEqual(['demand-by-month.csv']);
    expect(saved).not.toBeNull();
    expect(saved!.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await saved!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe('\uFEFF月,件数\r\n2030-05,3\r\n');
  });
});
