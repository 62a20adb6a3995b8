import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '@/lib/i18n';
import { BarChart, fitLabel } from './bar-chart';

describe('the bar chart', () => {
  it('draws a bar per series scaled to the largest value, and a gap as a highlighted, named row', () => {
    render(
      <I18nProvider>
        <BarChart
          title="工程別"
          series={[
            { key: 'a', label: '事業所' },
            { key: 'b', label: '確認済み' },
          ]}
          categories={[
            { key: 'x', label: '切削', values: [10, 5] },
            { key: 'y', label: '塗装', values: [0, 0], gap: '空白' },
          ]}
          testId="chart"
        />
      </I18nProvider>,
    );

    const chart = screen.getByTestId('chart');
    const [cut, paint] = within(chart).getAllByTestId('bar-category');
    const widths = [...cut!.querySelectorAll('rect.bar-chart__bar')].map((r) => Number(r.getAttribute('width')));
    expect(widths[1]! * 2).toBeCloseTo(widths[0]!, 0);
    expect(cut).not.toHaveAttribute('data-gap');
    expect(paint).toHaveAttribute('data-gap', 'true');
    expect(paint!.querySelector('rect.bar-chart__gap-band')).not.toBeNull();
    expect(within(paint!).getByTestId('bar-gap-text')).toHaveTextContent('空白');
    expect(screen.getByRole('img', { name: /工程別/ })).toBeInTheDocument();
    expect(chart.querySelector('desc')).toHaveTextContent('切削: 事業所 10、確認済み 5。塗装: 事業所 0、確認済み 0（空白）');
    expect(within(chart).getByText('空白（該当する事業所なし）')).toBeInTheDocument();
  });

  it('cuts long labels to the room they have, by their drawn width', () => {
    expect(fitLabel('工程 1（熱間鍛造）')).toBe('工程 1（熱間鍛造）');
    const english = fitLabel('Step 4 (Electroless nickel plating)');
    expect(english.endsWith('…')).toBe(true);
    expect(english.length).toBeGreaterThan(20);
    const japanese = fitLabel('工程 4（無電解ニッケルめっき・バレル・ラック）');
    expect(japanese.endsWith('…')).toBe(true);
    expect(japanese.length).toBeLessThan(english.length);
  });
});
