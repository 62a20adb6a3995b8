/**
 * Excel workbooks (.xlsx) of a table, made in the browser with SheetJS Community Edition (the `@e965/xlsx` build of
 * it: the same code, published on the npm registry, without the known vulnerabilities of the old `xlsx` 0.18 there).
 * The library is loaded only when a file is asked for (a dynamic import: its own chunk), so pages do not carry it.
 */

import { downloadBlob } from './download';

/** One cell: text, a number, a truth value, or nothing (an empty cell). */
export type XlsxCell = string | number | boolean | null | undefined;

/**
 * What a column holds, for the cell's type in Excel. `date`: a calendar day written `YYYY-MM-DD`. `datetime`: an
 * instant (ISO 8601), written as the reader's local date and time, as the table shows it. Anything else is text or a
 * number as it comes.
 */
export type XlsxKind = 'date' | 'datetime';

export interface XlsxColumn {
  header: string;
  kind?: XlsxKind;
}

export interface XlsxTable {
  /** The sheet's name; cut to what Excel allows (31 characters, none of `[]:*?/\`). */
  sheetName: string;
  columns: readonly XlsxColumn[];
  rows: readonly (readonly XlsxCell[])[];
  /** The workbook's title (file properties). */
  title?: string;
  /** The workbook's author (file properties), e.g. the registry's name. */
  author?: string;
}

// Excel's day 0 is 1899-12-30 (so that its 1900 leap-year bug lines up); 25569 days later is 1970-01-01.
const excelEpochOffset = 25_569;
const msPerDay = 86_400_000;

const dayFormat = 'yyyy-mm-dd';
const momentFormat = 'yyyy-mm-dd hh:mm';

/** Excel's serial number of a calendar day (`2027-03-31`), or null when the text is not one. */
export function excelDay(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) {
    return null;
  }
  const utc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(utc) ? null : utc / msPerDay + excelEpochOffset;
}

/** Excel's serial number of an instant, in the reader's time zone (as the table shows it), or null. */
export function excelMoment(text: string): number | null {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) {
    return null;
  }
  const local = Date.UTC(
    date.getFullYear(),
    date.getMonth(),
    date.getDate(),
    date.getHours(),
    date.getMinutes(),
    date.getSeconds(),
  );
  return local / msPerDay + excelEpochOffset;
}

/** A sheet name Excel accepts: at most 31 characters, without `[]:*?/\`, not empty, not starting or ending with '. */
export function xlsxSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '');
  return Array.from(cleaned).slice(0, 31).join('').trim() || 'Sheet1';
}

/** A file name without characters that file systems refuse, ending in .xlsx. */
export function xlsxFileName(name: string): string {
  const base = name.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '') || 'table';
  return base.toLowerCase().endsWith('.xlsx') ? base : `${base}.xlsx`;
}

/** How wide a text looks in Excel's character units: East Asian full-width characters count twice. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  }
  return width;
}

type SheetCell = { t: 's'; v: string } | { t: 'n'; v: number; z?: string } | { t: 'b'; v: boolean } | null;

function sheetCell(value: XlsxCell, kind: XlsxKind | undefined): SheetCell {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { t: 'n', v: value } : null;
  }
  if (typeof value === 'boolean') {
    return { t: 'b', v: value };
  }
  if (kind === 'date') {
    const day = excelDay(value);
    if (day !== null) {
      return { t: 'n', v: day, z: dayFormat };
    }
  }
  if (kind === 'datetime') {
    const moment = excelMoment(value);
    if (moment !== null) {
      return { t: 'n', v: moment, z: momentFormat };
    }
  }
  // A text cell: Excel never runs it as a formula, so no leading apostrophe is needed (unlike CSV).
  return { t: 's', v: value };
}

function shownWidth(cell: SheetCell): number {
  if (cell === null) {
    return 0;
  }
  if (cell.t === 'n') {
    return cell.z ? cell.z.length : String(cell.v).length + 2;
  }
  return displayWidth(String(cell.v));
}

/**
 * The workbook's bytes: one sheet, a header row, the rows below it with numbers as numbers and dates as dates, an
 * autofilter on the header and column widths to fit (within reason).
 */
export async function xlsxBytes(table: XlsxTable): Promise<Uint8Array> {
  const XLSX = await import('@e965/xlsx');
  const cells = table.rows.map((row) => table.columns.map((column, i) => sheetCell(row[i], column.kind)));
  const sheet = XLSX.utils.aoa_to_sheet([table.columns.map((column) => column.header), ...cells]);
  sheet['!cols'] = table.columns.map((column, i) => ({
    wch: Math.min(60, Math.max(8, displayWidth(column.header), ...cells.map((row) => shownWidth(row[i] ?? null))) + 2),
  }));
  if (table.columns.length > 0) {
    sheet['!autofilter'] = {
      ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: table.rows.length, c: table.columns.length - 1 } }),
    };
  }
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, xlsxSheetName(table.sheetName));
  book.Props = { Title: table.title ?? table.sheetName, Author: table.author, CreatedDate: new Date() };
  // bookSST: text in a shared-strings table, as Excel writes it (SheetJS otherwise writes formula-result strings).
  const bytes: ArrayBuffer = XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true, bookSST: true });
  return new Uint8Array(bytes);
}

export const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Makes the workbook and saves it through the browser's download (nothing is sent anywhere). */
export async function downloadXlsx(name: string, table: XlsxTable): Promise<void> {
  const bytes = await xlsxBytes(table);
  downloadBlob(xlsxFileName(name), new Blob([bytes as BlobPart], { type: xlsxMediaType }));
}
