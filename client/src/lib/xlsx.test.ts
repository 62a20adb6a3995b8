import { read, type WorkBook } from '@e965/xlsx';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { displayWidth, downloadXlsx, excelDay, excelMoment, xlsxBytes, xlsxFileName, xlsxMediaType, xlsxSheetName } from './xlsx';

// The produced bytes are opened again with the library, as Excel would open the file.
function open(bytes: Uint8Array): WorkBook {
  return read(bytes, { type: 'array', cellDates: true, cellNF: true, cellStyles: true });
}

const columns = [
  { header: '工程分類' },
  { header: '事業所数' },
  { header: '確認日', kind: 'date' as const },
  { header: '更新日時', kind: 'datetime' as const },
  { header: '受託可' },
];

describe('the xlsx builder', () => {
  it('writes a zip with a workbook, a Japanese sheet name and the header row', async () => {
    const bytes = await xlsxBytes({ sheetName: '工程分類別の対応状況', columns, rows: [['機械加工', 12, '2027-03-31', '2026-11-20T09:30:00Z', true]] });

    // A zip (PK\x03\x04) with xl/workbook.xml in it.
    expect(Array.from(bytes.slice(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(new TextDecoder('latin1').decode(bytes)).toContain('xl/workbook.xml');
    // Text as Excel writes it: in the shared-strings table.
    expect(new TextDecoder('latin1').decode(bytes)).toContain('xl/sharedStrings.xml');
    const book = open(bytes);
    expect(book.SheetNames).toEqual(['工程分類別の対応状況']);
    const sheet = book.Sheets['工程分類別の対応状況']!;
    expect(['A1', 'B1', 'C1', 'D1', 'E1'].map((ref) => sheet[ref]?.v)).toEqual(['工程分類', '事業所数', '確認日', '更新日時', '受託可']);
    expect(sheet['!ref']).toBe('A1:E2');
    expect(sheet['!autofilter']).toEqual({ ref: 'A1:E2' });
  });

  it('keeps numbers as numbers, dates as dates and text as text', async () => {
    const book = open(
      await xlsxBytes({
        sheetName: '表',
        columns,
        rows: [
          ['機械加工', 1200.5, '2027-03-31', '2026-11-20T09:30:00Z', true],
          ['=HYPERLINK("x")', 0, 'そのうち', null, false],
        ],
      }),
    );
    const sheet = book.Sheets['表']!;
    expect(sheet.A2).toMatchObject({ t: 's', v: '機械加工' });
    expect(sheet.B2).toMatchObject({ t: 'n', v: 1200.5 });
    expect(sheet.C2?.t).toBe('d');
    expect((sheet.C2?.v as Date).toISOString().slice(0, 10)).toBe('2027-03-31');
    expect(sheet.C2?.z).toBe('yyyy-mm-dd');
    expect(sheet.D2?.t).toBe('d');
    expect(sheet.D2?.z).toBe('yyyy-mm-dd hh:mm');
    expect(sheet.E2).toMatchObject({ t: 'b', v: true });
    // Text that looks like a formula stays text: no formula is written.
    expect(sheet.A3).toMatchObject({ t: 's', v: '=HYPERLINK("x")' });
    expect(sheet.A3?.f).toBeUndefined();
    expect(sheet.B3).toMatchObject({ t: 'n', v: 0 });
    // Not a date: written as the text it is. Nothing: an empty cell.
    expect(sheet.C3).toMatchObject({ t: 's', v: 'そのうち' });
    expect(sheet.D3).toBeUndefined();
  });

  it('sets column widths that fit full-width text, within bounds', async () => {
    const long = 'あ'.repeat(100);
    const book = open(
      await xlsxBytes({
        sheetName: '幅',
        columns: [{ header: '名' }, { header: '長い説明の列' }, { header: 'n' }],
        rows: [['株式会社山田精工', long, 3]],
      }),
    );
    const widths = book.Sheets['幅']!['!cols']!.map((col) => Math.round(col.wch ?? col.width ?? 0));
    expect(widths[0]).toBeGreaterThanOrEqual(16);
    expect(widths[1]).toBeLessThanOrEqual(63);
    expect(widths[1]).toBeGreaterThan(widths[0]!);
    expect(widths[2]).toBeGreaterThanOrEqual(8);
  });

  it('writes only a header row when there are no rows', async () => {
    const book = open(await xlsxBytes({ sheetName: '空', columns: [{ header: 'A' }], rows: [] }));
    expect(book.Sheets['空']!['!ref']).toBe('A1');
  });
});

describe('names and values', () => {
  it('makes sheet names Excel accepts', () => {
    expect(xlsxSheetName('工程分類別の対応状況')).toBe('工程分類別の対応状況');
    expect(xlsxSheetName('メンバー [3]: a/b?')).toBe('メンバー 3 a b');
    expect(xlsxSheetName("'引用'")).toBe('引用');
    expect(Array.from(xlsxSheetName('あ'.repeat(40)))).toHaveLength(31);
    expect(xlsxSheetName(' / ')).toBe('Sheet1');
  });

  it('makes file names ending in .xlsx', () => {
    expect(xlsxFileName('region coverage/by:family')).toBe('region-coverage-by-family.xlsx');
    expect(xlsxFileName('a.xlsx')).toBe('a.xlsx');
    expect(xlsxFileName('***')).toBe('table.xlsx');
  });

  it("counts Excel's day numbers from 1899-12-30", () => {
    expect(excelDay('1970-01-01')).toBe(25569);
    expect(excelDay('2027-03-31')).toBe(46477);
    expect(excelDay('2027-3-31')).toBeNull();
    expect(excelMoment('not a moment')).toBeNull();
    expect(excelMoment('2026-11-20T00:00:00')).toBe(excelDay('2026-11-20'));
  });

  it('counts full-width characters twice', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('工程')).toBe(4);
    expect(displayWidth('ｱ')).toBe(1);
  });
});

describe('the download', () => {
  afterEach(() => vi.restoreAllMocks());

  it('saves an .xlsx file of the Excel media type through a link', async () => {
    const files: { blob: Blob; name: string }[] = [];
    let blob: Blob | null = null;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:xlsx';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      files.push({ blob: blob!, name: this.download });
    });

    await downloadXlsx('region-coverage', { sheetName: '地域', columns: [{ header: '工程' }], rows: [['切削']] });

    expect(files.map((f) => f.name)).toEqual(['region-coverage.xlsx']);
    expect(files[0]!.blob.type).toBe(xlsxMediaType);
    const book = open(new Uint8Array(await files[0]!.blob.arrayBuffer()));
    expect(book.Sheets['地域']!.A2?.v).toBe('切削');
  });
});
