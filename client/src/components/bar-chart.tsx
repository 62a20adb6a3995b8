import { useId } from 'react';
import { formatNumber, useI18n, joinList } from '@/lib/i18n';
import './bar-chart.css';

export interface ChartSeries {
  key: string;
  label: string;
}

export interface ChartCategory {
  key: string;
  label: string;
  /** One value per series, in the series' order. */
  values: readonly number[];
  /** Marks the category as a gap: its row is highlighted and says this text. */
  gap?: string | null;
}

export interface BarChartProps {
  /** What the chart shows; its accessible name. */
  title: string;
  series: readonly ChartSeries[];
  categories: readonly ChartCategory[];
  /** The value of a full-length bar (default: the largest value). */
  max?: number;
  /** How values are written next to the bars and in the text alternative (default: the reader's number format). */
  format?: (value: number) => string;
  testId?: string;
}

// Drawing units of the viewBox; the SVG scales to its column.
const width = 720;
const labelWidth = 220;
const valueRoom = 56;
const barHeight = 14;
const barGap = 3;
const groupPad = 8;
const labelFont = 13;

/** Roughly how wide a label is drawn: full-width (CJK) characters take a whole em, others about 0.6 em. */
function textWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    width += /[\u3000-\u9fff\uff00-\uffef]/.test(char) ? labelFont : labelFont * 0.6;
  }
  return width;
}

/** The label, cut with an ellipsis to fit `room`; the whole label stays in its tooltip and the description. */
export function fitLabel(label: string, room: number = labelWidth - 12): string {
  if (textWidth(label) <= room) {
    return label;
  }
  let cut = '';
  for (const char of label) {
    if (textWidth(`${cut}${char}…`) > room) {
      break;
    }
    cut += char;
  }
  return `${cut}…`;
}

/**
 * Horizontal grouped bars, one group per category and one bar per series, drawn as SVG. Gaps are highlighted and
 * named in the chart. The SVG is an image whose title and description say every value in words; the page shows the
 * same figures in a table beside it.
 */
export function BarChart({ title, series, categories, max, format, testId }: BarChartProps) {
  const { t, language } = useI18n();
  const id = useId();
  const write = format ?? ((value: number) => formatNumber(value, language));
  const top = Math.max(max ?? 0, ...categories.flatMap((category) => category.values), 1);
  const scale = (value: number) => (Math.max(0, value) / top) * (width - labelWidth - valueRoom - 8);
  const groupHeight = series.length * (barHeight + barGap) - barGap + groupPad * 2;
  const height = Math.max(groupHeight * categories.length, groupHeight);

  const description = categories
    .map((category) => {
      const values = joinList(series.map((s, i) => `${s.label} ${write(category.values[i] ?? 0)}`), language);
      return `${category.label}: ${values}${category.gap ? `（${category.gap}）` : ''}`;
    })
    .join('。');

  return (
    <figure className="bar-chart" data-testid={testId}>
      <svg
        className="bar-chart__canvas"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description || t('chart.empty')}</desc>
        {categories.map((category, row) => {
          const y = row * groupHeight;
          const label = fitLabel(category.label);
          return (
            <g
              key={category.key}
              transform={`translate(0,${y})`}
              data-testid="bar-category"
              data-key={category.key}
              data-gap={category.gap ? 'true' : undefined}
            >
              {category.gap && <rect className="bar-chart__gap-band" x={0} y={1} width={width} height={groupHeight - 2} rx={4} />}
              <text className="bar-chart__label" x={labelWidth - 8} y={groupHeight / 2} dominantBaseline="middle" textAnchor="end">
                {label}
                <title>{category.label}</title>
              </text>
              {series.map((s, i) => {
                const value = category.values[i] ?? 0;
                const barY = groupPad + i * (barHeight + barGap);
                const length = scale(value);
                return (
                  <g key={s.key}>
                    <rect
                      className={`bar-chart__bar bar-chart__bar--${i}`}
                      x={labelWidth}
                      y={barY}
                      width={length.toFixed(1)}
                      height={barHeight}
                      data-series={s.key}
                      data-value={value}
                    >
                      <title>{`${category.label} — ${s.label}: ${write(value)}`}</title>
                    </rect>
                    {!category.gap && (
                      <text className="bar-chart__value" x={labelWidth + length + 4} y={barY + barHeight / 2} dominantBaseline="middle">
                        {write(value)}
                      </text>
                    )}
                  </g>
                );
              })}
              {category.gap && (
                <text
                  className="bar-chart__gap-text"
                  x={labelWidth + 8}
                  y={groupHeight / 2}
                  dominantBaseline="middle"
                  data-testid="bar-gap-text"
                >
                  {`⚠ ${category.gap}`}
                </text>
              )}
            </g>
          );
        })}
        <line className="bar-chart__axis" x1={labelWidth} y1={0} x2={labelWidth} y2={height} />
      </svg>
      <figcaption className="bar-chart__legend">
        <span className="visually-hidden">{title}: </span>
        {series.map((s, i) => (
          <span key={s.key} className="bar-chart__key">
            <span className={`bar-chart__swatch bar-chart__swatch--${i}`} aria-hidden="true" />
            {s.label}
          </span>
        ))}
        {categories.some((category) => category.gap) && (
          <span className="bar-chart__key">
            <span className="bar-chart__swatch bar-chart__swatch--gap" aria-hidden="true" />
            {t('chart.gapKey')}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
