/**
 * Charts' graphics: every line, bar and shape that carries meaning has ≥ 3:1 contrast against the card's background
 * (WCAG 1.4.11), the chart's parts are named in a legend or on an axis, and none is told apart by colour alone.
 */
import { expect } from 'chai';
import type { Chart } from 'chart.js';
import { cleanup, mount, small } from './helpers.js';
import { contrastRatio } from './contrast.js';

const WHITE = '#ffffff';

/** The solid colours a chart draws with (patterns and the translucent band fill are checked separately). */
function drawnColours(chart: Chart | undefined): string[] {
  const colours: string[] = [];
  for (const dataset of chart?.data.datasets ?? []) {
    const d = dataset as { borderColor?: unknown; backgroundColor?: unknown; borderWidth?: unknown };
    const fills = [d.backgroundColor].flat().filter((c): c is string => typeof c === 'string');
    const lines = [d.borderColor].flat().filter((c): c is string => typeof c === 'string');
    colours.push(...lines, ...fills.filter((c) => !c.startsWith('rgba')));
  }
  return colours;
}

describe('chart contrast and legends', () => {
  afterEach(cleanup);

  it('draws the contrast helper right (hand-checked pairs)', () => {
    expect(contrastRatio('#000000', WHITE)).to.be.closeTo(21, 1e-9);
    expect(contrastRatio(WHITE, WHITE)).to.be.closeTo(1, 1e-9);
    // #767676 is the well-known lightest grey with 4.5:1 on white.
    expect(contrastRatio('#767676', WHITE)).to.be.closeTo(4.54, 0.01);
  });

  for (const [tag, attributes] of [
    ['salesops-attainment', {}],
    ['salesops-leaderboard', {}],
    ['salesops-forecast', {}],
    ['salesops-territory-coverage', { 'record-id': small.accounts.acc3 }],
    ['salesops-deal-health', { 'record-id': small.deals.B3 }],
  ] as const) {
    it(`${tag}: every line and shape ≥ 3:1 against white`, async () => {
      const { element } = await mount(tag, { userId: small.users.A, attributes });
      const chart = (element as unknown as { chart?: Chart }).chart;
      const colours = drawnColours(chart).filter((c) => c.toLowerCase() !== WHITE);
      expect(colours.length, tag).to.be.greaterThan(0);
      for (const colour of colours) expect(contrastRatio(colour, WHITE), `${tag} ${colour}`).to.be.at.least(3);
    });
  }

  it('forecast: the P10–P90 band has drawn edges and one legend entry; each line its own dash pattern', async () => {
    const { element } = await mount('salesops-forecast', { userId: small.users.A });
    const chart = (element as unknown as { chart?: Chart<'line'> }).chart;
    const datasets = chart?.data.datasets ?? [];
    const [p90, p10] = datasets;
    for (const edge of [p90, p10]) expect(contrastRatio(String(edge?.borderColor), WHITE)).to.be.at.least(3);
    const shown = chart?.legend?.legendItems?.map((i) => i.text);
    expect(shown).to.deep.equal(['Likely range', 'Likely', 'Quota', 'Commit', 'Best case']);
    // The chart's words are in the card's font.
    const family = getComputedStyle(element).fontFamily;
    expect((chart?.options.scales?.['y']?.ticks as { font?: { family?: string } }).font?.family).to.equal(family);
    expect((chart?.options.plugins?.legend?.labels?.font as { family?: string }).family).to.equal(family);
    // Lines of the same colour are told apart by dash pattern.
    const dashes = datasets.slice(1).map((d) => JSON.stringify(d.borderDash ?? []));
    expect(new Set(dashes).size).to.equal(dashes.length);
  });
});
