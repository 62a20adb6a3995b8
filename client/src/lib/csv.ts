import { downloadBlob } from './download';

/** One cell of a CSV file: text, a number, or nothing (an empty field). */
export type CsvCell = string | number | boolean | null | undefined;

/** UTF-8 byte order mark: without it, Excel in Japan reads a CSV file as Shift_JIS and garbles every kanji. */
export const byteOrderMark = '\uFEFF';

// Excel runs a cell that starts with one of these as a formula (CSV injection, OWASP): text from the registry, such
// as a site's name, is written with a leading apostrophe instead, which Excel shows as text.
const formulaStart = /^[=+\-@\t\r]/;

/**
 * One field as RFC 4180 writes it: quoted when it holds a comma, a double quote or a line break, with quotes doubled.
 * Numbers are written as they are (no grouping, a dot for decimals); text that Excel would run as a formula gets a
 * leading apostrophe.
 */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? String(value) : '';
  }
  let text = String(value);
  if (typeof value === 'string' && formulaStart.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole CSV file as Excel in Japan opens it (DESIGN §8): UTF-8 with a byte order mark, records ended by CRLF
 * (the last one too), fields quoted per RFC 4180.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return byteOrderMark + rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

/** The file's bytes: UTF-8, so the byte order mark becomes EF BB BF. */
export function csvBlob(rows: readonly (readonly CsvCell[])[]): Blob {
  return new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' });
}

/** A file name without characters that file systems refuse, ending in .csv. */
export function csvFileName(name: string): string {
  const base = name.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '') || 'table';
  return base.toLowerCase().endsWith('.csv') ? base : `${base}.csv`;
}

/** Saves the rows as a CSV file through the browser's download (nothing is sent anywhere). */
export function downloadCsv(name: string, rows: readonly (readonly CsvCell[])[]): void {
  downloadBlob(csvFileName(name), csvBlob(rows));
}
