import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { read } from '@e965/xlsx';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/lib/i18n';
import { DataTable, timeColumn } from './data-table';

afterEach(() => vi.restoreAllMocks());

describe('a data table', () => {
  it('shows the rows, marks the highlighted ones and downloads the data columns as CSV', async () => {
    const user = userEvent.setup();
    const files: { blob: Blob; name: string }[] = [];
    let blob: Blob | null = null;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:csv';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      files.push({ blob: blob!, name: this.download });
    });
    render(
      <I18nProvider>
        <DataTable
          caption="工程別"
          fileName="steps"
          columns={[
            { key: 'name', header: '工程', value: (r: { name: string; sites: number }) => r.name },
            { key: 'sites', header: '事業所', value: (r) => r.sites, numeric: true },
            { key: 'act', header: '操作', value: () => '', render: () => <button type="button">外す</button>, csv: false },
          ]}
          rows={[
            { name: '切削, 旋盤', sites: 1200 },
            { name: '塗装', sites: 0 },
          ]}
          rowKey={(r) => r.name}
          highlight={(r) => r.sites === 0}
          testId="table"
        />
      </I18nProvider>,
    );

    const rows = within(screen.getByTestId('table')).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('1,200');
    expect(rows.map((r) => r.getAttribute('data-marked'))).toEqual([null, 'true']);

    await user.click(screen.getByRole('button', { name: /^CSV ダウンロード\s*（「工程別」）$/ }));

    expect(files.map((f) => f.name)).toEqual(['steps.csv']);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await files[0]!.blob.arrayBuffer());
    expect(text).toBe('\uFEFF工程,事業所\r\n"切削, 旋盤",1200\r\n塗装,0\r\n');
  });

  it('downloads the same rows and headers as an Excel workbook, numbers and dates typed, the caption as sheet name', async () => {
    const user = userEvent.setup();
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
    type Row = { name: string; sites: number; since: string; at: string };
    render(
      <I18nProvider>
        <DataTable
          caption="工程別"
          fileName="steps"
          columns={[
            { key: 'name', header: '工程', value: (r: Row) => r.name },
            { key: 'sites', header: '事業所', value: (r) => r.sites, numeric: true },
            { key: 'since', header: '参加日', value: (r) => r.since, kind: 'date' },
            timeColumn<Row>('at', '更新', (r) => r.at, 'ja'),
            { key: 'act', header: '操作', value: () => '', render: () => <button type="button">外す</button>, csv: false },
          ]}
          rows={[{ name: '切削, 旋盤', sites: 1200, since: '2026-04-01', at: '2026-11-20T09:30:00Z' }]}
          rowKey={(r) => r.name}
        />
      </I18nProvider>,
    );

    // The visible words begin the accessible name (axe: label-content-name-mismatch).
    await user.click(screen.getByRole('button', { name: /^Excel（\.xlsx）ダウンロード\s*（「工程別」）$/ }));

    await waitFor(() => expect(files.map((f) => f.name)).toEqual(['steps.xlsx']));
    const book = read(new Uint8Array(await files[0]!.blob.arrayBuffer()), { type: 'array', cellDates: true });
    expect(book.SheetNames).toEqual(['工程別']);
    const sheet = book.Sheets['工程別']!;
    expect(sheet['!ref']).toBe('A1:D2');
    expect(['A1', 'B1', 'C1', 'D1'].map((ref) => sheet[ref]?.v)).toEqual(['工程', '事業所', '参加日', '更新']);
    expect(sheet.A2).toMatchObject({ t: 's', v: '切削, 旋盤' });
    expect(sheet.B2).toMatchObject({ t: 'n', v: 1200 });
    expect(sheet.C2?.t).toBe('d');
    expect(sheet.D2?.t).toBe('d');
    expect(screen.queryByTestId('xlsx-failed')).not.toBeInTheDocument();
  });

  it('says so when there are no rows, and offers no download', () => {
    render(
      <I18nProvider>
        <DataTable caption="空" columns={[{ key: 'a', header: 'A', value: () => 1 }]} rows={[]} rowKey={() => 'x'} empty="ありません" />
      </I18nProvider>,
    );
    expect(screen.getByTestId('empty-state')).toHaveTextContent('ありません');
    expect(screen.queryByTestId('csv-download')).not.toBeInTheDocument();
    expect(screen.queryByTestId('xlsx-download')).not.toBeInTheDocument();
  });

  it('as a list: the caption for screen readers, no download, plain cells with their classes, test ids and row data', () => {
    render(
      <I18nProvider>
        <DataTable
          variant="list"
          caption="アカウント"
          columns={[
            { key: 'name', header: '名前', value: (r: { id: string; name: string; at: string }) => r.name },
            { key: 'at', header: '日時', value: (r) => r.at, className: 'table__nowrap', testId: 'at' },
            {
              key: 'act',
              header: '操作',
              headerHidden: true,
              value: () => null,
              render: () => <button type="button">確認</button>,
              csv: false,
            },
          ]}
          rows={[{ id: 'a-1', name: '甲', at: '2030-01-01' }]}
          rowKey={(r) => r.id}
          testId="list"
          rowTestId="list-row"
          rowData={(r) => ({ 'data-id': r.id })}
        />
      </I18nProvider>,
    );

    const table = screen.getByRole('table', { name: 'アカウント' });
    expect(table).toHaveAttribute('data-testid', 'list');
    expect(table.querySelector('caption')).toHaveClass('visually-hidden');
    expect(screen.queryByTestId('csv-download')).not.toBeInTheDocument();
    expect(within(table).queryAllByRole('rowheader')).toHaveLength(0);
    const headers = within(table).getAllByRole('columnheader');
    expect(headers[2]!.querySelector('.visually-hidden')).toHaveTextContent('操作');
    const row = screen.getByTestId('list-row');
    expect(row).toHaveAttribute('data-id', 'a-1');
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['甲', '2030-01-01', '確認']);
    expect(within(row).getByTestId('at')).toHaveClass('table__nowrap');
  });

  it('as an empty list: only the empty state, without a table or its test id', () => {
    render(
      <I18nProvider>
        <DataTable
          variant="list"
          caption="空"
          columns={[{ key: 'a', header: 'A', value: () => 1 }]}
          rows={[]}
          rowKey={() => 'x'}
          empty="ありません"
          testId="list"
        />
      </I18nProvider>,
    );
    expect(screen.getByTestId('empty-state')).toHaveTextContent('ありません');
    expect(screen.queryByTestId('list')).not.toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
