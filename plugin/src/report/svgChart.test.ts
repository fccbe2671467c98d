import { describe, expect, it } from 'vitest';
import { formatters } from './reportFormat.js';
import { barChart } from './svgChart.js';

const numbers = (svg: string, pattern: RegExp) => [...svg.matchAll(pattern)].map((m) => Number(m[1]));
const valueTextX = (svg: string) => numbers(svg, /<text x="([\d.]+)"[^>]*class="value"/g);
const markerX = (svg: string) => numbers(svg, /<path d="M([\d.]+) [\d.]+V[\d.]+" class="marker"/g);
const barEnd = (svg: string) =>
  [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]) + Number(m[2]));

describe('barChart: value texts beside a marker', () => {
  const options = { title: 'GRR', legend: [], tick: (v: number) => `${v}` };

  it('moves a text that would cross the marker to after it, and keeps it inside the chart', () => {
    const svg = barChart(
      [{ label: 'Q1', bars: [{ value: 0.937, colour: '#00f', text: '93.7%' }], marker: 1 }],
      options,
    );
    const [text] = valueTextX(svg);
    const [marker] = markerX(svg);
    expect(text).toBeGreaterThan(marker as number);
    expect((text as number) + 5 * 7).toBeLessThanOrEqual(640);
  });

  it('leaves a text right after its bar when the marker is far from it', () => {
    const svg = barChart([{ label: 'Q1', bars: [{ value: 0.3, colour: '#00f', text: '30.0%' }], marker: 1 }], options);
    const [text] = valueTextX(svg);
    const [end] = barEnd(svg);
    expect(text).toBeCloseTo((end as number) + 4, 0);
    expect(text).toBeLessThan(markerX(svg)[0] as number);
  });

  it('leaves a text right after a bar that ends past the marker', () => {
    const svg = barChart(
      [{ label: 'Q1', bars: [{ value: 1.125, colour: '#0a0', text: '112.5%' }], marker: 1 }],
      options,
    );
    const [text] = valueTextX(svg);
    expect(text).toBeCloseTo((barEnd(svg)[0] as number) + 4, 0);
  });
});

describe('report formatters: one decimal for every percentage, as the terminal prints them', () => {
  const f = formatters('en', 'USD');

  it('prints 93.0% beside 93.4%, and round axis ticks without decimals', () => {
    expect(f.ratio(0.93)).toBe('93.0%');
    expect(f.ratio(0.934)).toBe('93.4%');
    expect(f.change(-0.01)).toBe('-1.0%');
    expect(f.axisRatio(0.5)).toBe('50%');
    expect(f.ratio(null)).toBe('—');
  });

  it('prints multiples with two decimals as the terminal and the widgets do, round on an axis', () => {
    expect([f.times(0.95), f.times(1.0712), f.times(-0.001)]).toEqual(['0.95×', '1.07×', '0.00×']);
    expect([f.axisTimes(0), f.axisTimes(0.5), f.axisTimes(1)]).toEqual(['0×', '0.5×', '1×']);
    expect(f.money(-0.4)).toBe('$0');
  });
});
