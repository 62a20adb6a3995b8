import type { ReactNode } from 'react';
import type { NameOf } from '@/lib/places';
import type { TableColumn } from './data-table';

/**
 * A column of municipalities: the name on screen and in the CSV file (豊田市, or Toyota-shi), the code in the cell's
 * title; a code the places data set does not know (or before it has loaded) stays the code.
 */
export function municipalityColumn<Row>(
  key: string,
  header: string,
  codeOf: (row: Row) => string | null | undefined,
  nameOf: NameOf,
  none: ReactNode = '—',
): TableColumn<Row> {
  return {
    key,
    header,
    className: 'table__nowrap',
    value: (row) => {
      const code = codeOf(row);
      return code ? (nameOf(code) ?? code) : '';
    },
    render: (row) => {
      const code = codeOf(row);
      if (!code) {
        return none;
      }
      const name = nameOf(code);
      return name ? (
        <span title={code} data-code={code}>
          {name}
        </span>
      ) : (
        <code>{code}</code>
      );
    },
  };
}
