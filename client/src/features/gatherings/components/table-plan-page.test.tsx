import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '@/lib/i18n';
import { gathering, meeting } from '@/testing/gathering-fixtures';
import { TablePlanSheet } from './table-plan-page';

describe("the venue's table plan", () => {
  it('lists per session and slot which buyer meets which supplier at which table', () => {
    render(
      <I18nProvider>
        <TablePlanSheet
          gathering={gathering()}
          meetings={[
            meeting({ id: 'a', place: { session: 0, slot: 0, table: 1 }, buyerName: 'A社', supplierName: 'X社' }),
            meeting({ id: 'b', place: { session: 0, slot: 0, table: 0 }, buyerName: 'B社', supplierName: 'Y社' }),
            meeting({ id: 'c', status: 'requested', place: undefined, buyerName: 'C社', supplierName: 'Z社' }),
          ]}
        />
      </I18nProvider>,
    );

    const [morning, afternoon] = screen.getAllByTestId('plan-session');
    expect(within(morning!).getByRole('heading')).toHaveTextContent('午前の部（10:00〜11:00）');
    const rows = within(morning!).getAllByTestId('plan-row');
    expect(rows.map((row) => row.textContent)).toEqual(['10:00–10:20テーブル 1B社Y社', 'テーブル 2A社X社']);
    expect(within(afternoon!).queryAllByTestId('plan-row')).toHaveLength(0);
    expect(screen.getByTestId('table-plan')).toHaveTextContent('商談 2 件');
    expect(screen.getByTestId('table-plan')).not.toHaveTextContent('C社');
  });
});
