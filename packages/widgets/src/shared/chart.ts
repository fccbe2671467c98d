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
 * Owns one chart.js chart of an element: created on the first `render(canvas, config)`, updated in place when the
 * data changes, destroyed when the element is disconnected (or the canvas leaves the DOM).
 */
export class ChartController implements ReactiveController {
  chart: Chart | undefined;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  render<T extends ChartType>(canvas: HTMLCanvasElement | null | undefined, config: ChartConfiguration<T>): void {
    if (!canvas) {
      this.destroy();
      return;
    }
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
