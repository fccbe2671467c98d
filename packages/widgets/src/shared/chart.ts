import { Chart, type ChartComponentLike, type ChartConfiguration, type ChartType } from 'chart.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

// Tree-shaken chart.js: each element registers the controller, elements, scales and plugins it draws with
// (registerChartParts), so a page bundles only the chart parts of the element it mounts (Legend and Tooltip alone
// are ≈8 KB gzip).

/** Registers the chart.js controllers, elements, scales and plugins an element draws with. */
export function registerChartParts(...parts: ChartComponentLike[]): void {
  Chart.register(...parts);
}

/** A colour from the host's CSS custom properties (resolved, so admins' overrides reach the canvas). */
export function cssColor(host: HTMLElement, property: string, fallback: string): string {
  const value = getComputedStyle(host).getPropertyValue(property).trim();
  return value === '' ? fallback : value;
}

/**
 * Sets the card's font (family and size, from the host's computed style) on a chart's axes, legend and tooltip, so
 * the chart's words look like the card's and follow an admin's `--salesops-font-family`.
 */
export function withCardFont(config: { options?: object }, host: HTMLElement): void {
  const style = getComputedStyle(host);
  const font = { family: style.fontFamily, size: Math.round(parseFloat(style.fontSize) * 0.92) || 12 };
  const options = (config.options ??= {}) as {
    scales?: Record<string, { ticks?: { font?: object } }>;
    plugins?: { legend?: { labels?: { font?: object } }; tooltip?: { bodyFont?: object; titleFont?: object } };
  };
  for (const scale of Object.values(options.scales ?? {})) scale.ticks = { ...scale.ticks, font };
  const plugins = (options.plugins ??= {});
  plugins.legend = { ...plugins.legend, labels: { ...plugins.legend?.labels, font } };
  plugins.tooltip = { ...plugins.tooltip, bodyFont: font, titleFont: { ...font, weight: 'bold' } };
}

/**
 * Diagonal hatching in `color` on `background`, for a chart area that must be told apart without colour (WCAG
 * 1.4.1); null where the browser cannot draw one.
 */
export function hatchPattern(color: string, background: string): CanvasPattern | null {
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const g = tile.getContext('2d');
  if (!g) return null;
  g.fillStyle = background;
  g.fillRect(0, 0, 8, 8);
  g.strokeStyle = color;
  g.lineWidth = 2;
  g.beginPath();
  g.moveTo(-2, 10);
  g.lineTo(10, -2);
  g.moveTo(-2, 2);
  g.lineTo(2, -2);
  g.moveTo(6, 10);
  g.lineTo(10, 6);
  g.stroke();
  return g.createPattern(tile, 'repeat');
}

/**
 * Owns one chart.js chart of an element: created on the first `render(canvas, config)`, updated in place when the
 * data changes, destroyed when the element is disconnected (or the canvas leaves the DOM).
 */
export class ChartController implements ReactiveController {
  chart: Chart | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  render<T extends ChartType>(canvas: HTMLCanvasElement | null | undefined, config: ChartConfiguration<T>): void {
    if (!canvas) {
      this.destroy();
      return;
    }
    withCardFont(config, this.host);
    const current = this.chart as unknown as Chart<T> | undefined;
    if (current && current.canvas === canvas && (current.config as { type?: string }).type === config.type) {
      current.data = config.data;
      if (config.options) current.options = config.options;
      current.update('none');
      return;
    }
    this.destroy();
    this.chart = new Chart(canvas, config) as unknown as Chart;
  }

  destroy(): void {
    this.chart?.destroy();
    this.chart = undefined;
  }

  hostDisconnected(): void {
    this.destroy();
  }
}

export { Chart };
