import { useId, useState, type ReactNode } from 'react';
import { downloadCsv, type CsvCell } from '@/lib/csv';
import { downloadXlsx, type XlsxKind } from '@/lib/xlsx';
import { formatDateTime, formatNumber, useI18n, type Language } from '@/lib/i18n';
import { EmptyState } from './async-state';
import './data-table.css';

export interface TableColumn<Row> {
  key: string;
  header: string;
  /** The cell's value: the fact, written as it is into the CSV file. */
  value: (row: Row) => CsvCell;
  /** How the table shows it; by default the value (numbers in the reader's format). */
  render?: (row: Row) => ReactNode;
  /** Right-aligned (counts, shares). */
  numeric?: boolean;
  /** False for columns that are not data (buttons): left out of the CSV and Excel files. */
  csv?: boolean;
  /** Values that are dates (`YYYY-MM-DD`) or moments (ISO 8601): written as dates in the Excel file. */
  kind?: XlsxKind;
  /** The header is said to screen readers only (e.g. a column of buttons). */
  headerHidden?: boolean;
  /** Class of the column's body cells (e.g. `table__nowrap`). */
  className?: string;
  /** data-testid of the column's body cells. */
  testId?: string;
}

/** A column of moments: the ISO value in the CSV file, a date and time in Excel, a `<time>` in the reader's format on screen. */
export function timeColumn<Row>(
  key: string,
  header: string,
  at: (row: Row) => string,
  language: Language,
  className?: string,
): TableColumn<Row> {
  return {
    key,
    header,
    value: at,
    kind: 'datetime',
    render: (row) => <time dateTime={at(row)}>{formatDateTime(at(row), language)}</time>,
    className,
  };
}

/** A column of buttons: its heading said to screen readers only, and no part of the CSV or Excel file. */
export function actionsColumn<Row>(header: string, render: (row: Row) => ReactNode): TableColumn<Row> {
  return { key: 'actions', header, headerHidden: true, csv: false, value: () => null, render };
}

export interface DataTableProps<Row> {
  /**
   * `data` (the default): figures to read and take away — the caption shown above the table with CSV and Excel
   * downloads, the
   * first column heading its row. `list`: a page's own list under its heading — the caption for screen readers only,
   * no download, every cell a plain one; `testId` is then the table's.
   */
  variant?: 'data' | 'list';
  /** Says what the table holds; also the name of the downloaded file unless `fileName` is given, and of the Excel sheet. */
  caption: string;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  fileName?: string;
  /** Rows to draw attention to (e.g. gaps): marked, and said in words by the caller's own cells. */
  highlight?: (row: Row) => boolean;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  testId?: string;
  /** data-testid of each body row. */
  rowTestId?: string;
  /** Further data-* attributes of a body row (e.g. its id, for tests). */
  rowData?: (row: Row) => Record<`data-${string}`, string>;
}

/**
 * A table with its caption and downloads of exactly what it shows (values, not formatting): CSV in UTF-8 with BOM,
 * CRLF, RFC 4180 quoting, so that Excel in Japan opens it (lib/csv.ts), and an Excel workbook with numbers and dates
 * typed (lib/xlsx.ts, its library loaded on the first click). Both files are made in the browser. As a `list`, the same
 * table without the downloads, for the lists a page is about (accounts, the audit log, queues).
 */
export function DataTable<Row>({
  variant = 'data',
  caption,
  columns,
  rows,
  rowKey,
  fileName,
  highlight,
  empty,
  testId,
  rowTestId,
  rowData,
}: DataTableProps<Row>) {
  const { t, language } = useI18n();
  const captionId = useId();
  const [excel, setExcel] = useState<'idle' | 'busy' | 'failed'>('idle');
  const data = columns.filter((column) => column.csv !== false);

  function download() {
    downloadCsv(fileName ?? caption, [data.map((column) => column.header), ...rows.map((row) => data.map((column) => column.value(row)))]);
  }

  async function downloadExcel() {
    if (excel === 'busy') {
      return;
    }
    setExcel('busy');
    try {
      await downloadXlsx(fileName ?? caption, {
        sheetName: caption,
        title: caption,
        author: t('app.name'),
        columns: data.map((column) => ({ header: column.header, kind: column.kind })),
        rows: rows.map((row) => data.map((column) => column.value(row))),
      });
      setExcel('idle');
    } catch {
      // The library's chunk could not be loaded (offline, or a new version deployed meanwhile).
      setExcel('failed');
    }
  }

  function cell(column: TableColumn<Row>, row: Row): ReactNode {
    if (column.render) {
      return column.render(row);
    }
    const value = column.value(row);
    if (typeof value === 'number') {
      return formatNumber(value, language);
    }
    return value === null || value === undefined || value === '' ? '—' : String(value);
  }

  const numberClass = (column: TableColumn<Row>) => (column.numeric ? 'data-table__number' : undefined);
  const cellClass = (column: TableColumn<Row>) => [numberClass(column), column.className].filter(Boolean).join(' ') || undefined;

  const head = (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column.key} scope="col" className={numberClass(column)}>
            {column.headerHidden ? <span className="visually-hidden">{column.header}</span> : column.header}
          </th>
        ))}
      </tr>
    </thead>
  );

  const body = (
    <tbody>
      {rows.map((row) => {
        const marked = highlight?.(row) ?? false;
        return (
          <tr
            key={rowKey(row)}
            className={marked ? 'data-table__row--marked' : undefined}
            data-marked={marked || undefined}
            data-testid={rowTestId}
            {...rowData?.(row)}
          >
            {columns.map((column, i) =>
              i === 0 && variant === 'data' ? (
                <th key={column.key} scope="row" className={cellClass(column)} data-testid={column.testId}>
                  {cell(column, row)}
                </th>
              ) : (
                <td key={column.key} className={cellClass(column)} data-testid={column.testId}>
                  {cell(column, row)}
                </td>
              ),
            )}
          </tr>
        );
      })}
    </tbody>
  );

  if (variant === 'list') {
    return rows.length === 0 ? (
      <EmptyState>{empty ?? t('table.empty')}</EmptyState>
    ) : (
      <div className="table-scroll">
        <table className="table" data-testid={testId}>
          <caption className="visually-hidden">{caption}</caption>
          {head}
          {body}
        </table>
      </div>
    );
  }

  return (
    <div className="data-table" data-testid={testId}>
      <div className="data-table__bar">
        <p className="data-table__caption" id={captionId}>
          {caption}
        </p>
        {rows.length > 0 && (
          <div className="data-table__downloads">
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={download}
              data-testid="csv-download"
            >
              {/* The visible words begin the accessible name (WCAG 2.5.3); the table's name follows for screen readers. */}
              {t('table.downloadCsv')}
              <span className="visually-hidden">{t('table.downloadCsvOf', { name: caption })}</span>
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => void downloadExcel()}
              aria-busy={excel === 'busy' || undefined}
              data-testid="xlsx-download"
            >
              {t('table.downloadXlsx')}
              <span className="visually-hidden">{t('table.downloadCsvOf', { name: caption })}</span>
            </button>
          </div>
        )}
      </div>
      {excel === 'failed' && (
        <p className="form__alert" role="alert" data-testid="xlsx-failed">
          {t('table.downloadXlsxFailed')}
        </p>
      )}
      {rows.length === 0 ? (
        <EmptyState>{empty ?? t('table.empty')}</EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="table" aria-labelledby={captionId}>
            {head}
            {body}
          </table>
        </div>
      )}
    </div>
  );
}
