import { useId, type ReactNode } from 'react';
import { downloadCsv, type CsvCell } from '@/lib/csv';
import { formatNumber, useI18n } from '@/lib/i18n';
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
  /** False for columns that are not data (buttons): left out of the CSV file. */
  csv?: boolean;
}

export interface DataTableProps<Row> {
  /** Says what the table holds; also the name of the downloaded file unless `fileName` is given. */
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
}

/**
 * A table with its caption and a CSV download of exactly what it shows (values, not formatting): UTF-8 with BOM,
 * CRLF, RFC 4180 quoting, so that Excel in Japan opens it (lib/csv.ts). The file is made in the browser.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  fileName,
  highlight,
  empty,
  testId,
  rowTestId,
}: DataTableProps<Row>) {
  const { t, language } = useI18n();
  const captionId = useId();

  function download() {
    const data = columns.filter((column) => column.csv !== false);
    downloadCsv(fileName ?? caption, [data.map((column) => column.header), ...rows.map((row) => data.map((column) => column.value(row)))]);
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

  return (
    <div className="data-table" data-testid={testId}>
      <div className="data-table__bar">
        <p className="data-table__caption" id={captionId}>
          {caption}
        </p>
        {rows.length > 0 && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={download}
            aria-label={t('table.downloadCsvOf', { name: caption })}
            data-testid="csv-download"
          >
            {t('table.downloadCsv')}
          </button>
        )}
      </div>
      {rows.length === 0 ? (
        <EmptyState>{empty ?? t('table.empty')}</EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="table" aria-labelledby={captionId}>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.key} scope="col" className={column.numeric ? 'data-table__number' : undefined}>
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const marked = highlight?.(row) ?? false;
                return (
                  <tr
                    key={rowKey(row)}
                    className={marked ? 'data-table__row--marked' : undefined}
                    data-marked={marked || undefined}
                    data-testid={rowTestId}
                  >
                    {columns.map((column, i) =>
                      i === 0 ? (
                        <th key={column.key} scope="row" className={column.numeric ? 'data-table__number' : undefined}>
                          {cell(column, row)}
                        </th>
                      ) : (
                        <td key={column.key} className={column.numeric ? 'data-table__number' : undefined}>
                          {cell(column, row)}
                        </td>
                      ),
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
