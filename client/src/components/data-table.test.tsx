import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/lib/i18n';
import { DataTable } from './data-table';

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

    await user.click(screen.getByRole('button', { name: '「工程別」を CSV でダウンロード' }));

    expect(files.map((f) => f.name)).toEqual(['steps.csv']);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await files[0]!.blob.arrayBuffer());
    expect(text).toBe('\uFEFF工程,事業所\r\n"切削, 旋盤",1200\r\n塗装,0\r\n');
  });

  it('says so when there are no rows, and offers no download', () => {
    render(
      <I18nProvider>
        <DataTable caption="空" columns={[{ key: 'a', header: 'A', value: () => 1 }]} rows={[]} rowKey={() => 'x'} empty="ありません" />
      </I18nProvider>,
    );
    expect(screen.getByTestId('empty-state')).toHaveTextContent('ありません');
    expect(screen.queryByTestId('csv-download')).not.toBeInTheDocument();
  });
});
