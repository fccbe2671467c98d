import { escapeHtml } from './escape.js';

/** One bar of a row: from `from` (default 0) to `value`, with the text printed after it. */
export interface Bar {
  readonly value: number;
  readonly from?: number;
  readonly colour: string;
  readonly text: string;
  /** A whisker from low to high across the bar (a P10–P90 range). */
  readonly range?: { readonly low: number; readonly high: number };
}

export interface ChartRow {
  readonly label: string;
  readonly bars: readonly Bar[];
  /** A vertical tick on the row (a quota, a required coverage). */
  readonly marker?: number;
}

export interface ChartLegend {
  readonly label: string;
  readonly colour: string;
  /** `tick` for the marker, else a filled square. */
  readonly shape?: 'tick';
}

const WIDTH = 640;
const LEFT = 8;
/** Room right of the longest bar for its value text, so no label is ever cut by the edge. */
const TEXT_ROOM = 40;
const LABEL_HEIGHT = 16;
const BAR_HEIGHT = 12;
const ROW_GAP = 8;
const AXIS_HEIGHT = 22;
const LEGEND_HEIGHT = 20;

/**
 * A horizontal bar chart as static SVG (it prints, needs no script): each row's label on its own line above its
 * bars, so a long team name or a German word is never cut; one scale for the whole chart from 0 (or the lowest
 * value) to the largest; axis ticks labelled at the bottom, the first and last anchored inside the chart.
 */
export function barChart(
  rows: readonly ChartRow[],
  options: { title: string; legend: readonly ChartLegend[]; tick: (v: number) => string },
): string {
  const values = rows.flatMap((r) => [
    ...r.bars.flatMap((b) => [b.value, b.from ?? 0, b.range?.low ?? 0, b.range?.high ?? 0]),
    r.marker ?? 0,
  ]);
  const min = Math.min(0, ...values);
  const max = Math.max(1e-9, ...values);
  // The widest plot that leaves every bar's text room before the right edge.
  let plot = WIDTH - LEFT - TEXT_ROOM;
  for (const row of rows)
    for (const b of row.bars) {
      const end = (barEnd(b) - min) / (max - min);
      if (end > 0) plot = Math.min(plot, (WIDTH - LEFT - 6 - textWidth(b.text)) / end);
    }
  // A text moved past its row's marker (textStart) needs its room after the marker.
  for (const row of rows) {
    if (row.marker === undefined) continue;
    const at = (row.marker - min) / (max - min);
    for (const b of row.bars) {
      const end = LEFT + ((barEnd(b) - min) / (max - min)) * plot;
      if (at > 0 && textStart(end, b.text, LEFT + at * plot) > end + 4)
        plot = Math.min(plot, (WIDTH - LEFT - 10 - textWidth(b.text)) / at);
    }
  }
  const x = (v: number) => LEFT + ((v - min) / (max - min)) * plot;
  const parts: string[] = [];
  let y = LEGEND_HEIGHT + 4;
  for (const row of rows) {
    parts.push(`<text x="${LEFT}" y="${y + 12}" class="label">${escapeHtml(row.label)}</text>`);
    const top = y + LABEL_HEIGHT;
    row.bars.forEach((b, i) => {
      const by = top + i * (BAR_HEIGHT + 2);
      const x0 = x(Math.min(b.from ?? 0, b.value));
      const x1 = x(Math.max(b.from ?? 0, b.value));
      parts.push(
        `<rect x="${r(x0)}" y="${by}" width="${r(Math.max(1, x1 - x0))}" height="${BAR_HEIGHT}" fill="${b.colour}"/>`,
      );
      if (b.range) {
        const cy = by + BAR_HEIGHT / 2;
        parts.push(
          `<path d="M${r(x(b.range.low))} ${cy}H${r(x(b.range.high))}M${r(x(b.range.low))} ${by + 2}v${BAR_HEIGHT - 4}M${r(x(b.range.high))} ${by + 2}v${BAR_HEIGHT - 4}" class="range"/>`,
        );
      }
      const end = Math.max(x1, b.range ? x(b.range.high) : 0);
      const tx = textStart(end, b.text, row.marker === undefined ? undefined : x(row.marker));
      parts.push(`<text x="${r(tx)}" y="${by + 10}" class="value">${escapeHtml(b.text)}</text>`);
    });
    if (row.marker !== undefined) {
      const mx = r(x(row.marker));
      parts.push(`<path d="M${mx} ${top - 3}V${top + row.bars.length * (BAR_HEIGHT + 2) + 1}" class="marker"/>`);
    }
    y = top + row.bars.length * (BAR_HEIGHT + 2) + ROW_GAP;
  }
  const ticks = niceTicks(min, max);
  parts.push(`<path d="M${LEFT} ${y}H${r(x(max))}" class="axis"/>`);
  ticks.forEach((t) => {
    const half = textWidth(options.tick(t)) / 2;
    const anchor = x(t) - half < 0 ? 'start' : x(t) + half > WIDTH ? 'end' : 'middle';
    parts.push(
      `<path d="M${r(x(t))} ${LEGEND_HEIGHT}V${y}" class="grid"/>`,
      `<text x="${r(x(t))}" y="${y + 15}" text-anchor="${anchor}" class="tick">${escapeHtml(options.tick(t))}</text>`,
    );
  });
  const legend = legendSvg(options.legend);
  const height = y + AXIS_HEIGHT;
  return (
    `<svg viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${escapeHtml(options.title)}" ` +
    `xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(options.title)}</title>${legend}` +
    // Grid lines first so that the bars and texts are drawn over them.
    parts.filter((p) => p.includes('class="grid"')).join('') +
    parts.filter((p) => !p.includes('class="grid"')).join('') +
    `</svg>`
  );
}

function legendSvg(legend: readonly ChartLegend[]): string {
  let x = LEFT;
  return legend
    .map((l) => {
      const swatch =
        l.shape === 'tick'
          ? `<path d="M${x + 5} 3V15" class="marker"/>`
          : `<rect x="${x}" y="4" width="10" height="10" fill="${l.colour}"/>`;
      const item = `${swatch}<text x="${x + 14}" y="13" class="legend">${escapeHtml(l.label)}</text>`;
      x += 28 + textWidth(l.label);
      return item;
    })
    .join('');
}

/** About 4 round tick values from min to max (1, 2 or 5 × a power of ten apart). */
export function niceTicks(min: number, max: number): number[] {
  const span = max - min;
  if (!(span > 0)) return [min];
  const raw = span / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Math.round(t * 1e6) / 1e6);
  return ticks;
}

/** Where a bar and its whisker end (its text follows). */
function barEnd(b: Bar): number {
  return Math.max(b.value, b.from ?? 0, b.range?.high ?? 0);
}

/** Where a bar's text starts: 4 px after the bar, or after the row's marker when the text would cross it. */
function textStart(end: number, text: string, marker: number | undefined): number {
  const start = end + 4;
  return marker !== undefined && marker >= end - 2 && marker <= start + textWidth(text) ? marker + 4 : start;
}

/** An estimate of a text's width at 11 px (CJK characters are about twice as wide as Latin ones), on the safe side. */
function textWidth(text: string): number {
  return [...text].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 12 : 7), 0);
}

const r = (v: number) => Math.round(v * 10) / 10;
