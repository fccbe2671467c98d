/**
 * Layout: every element, at the column widths admins give it (300 and 380 px side columns, 760 px main column) and
 * in every language, fits its width (nothing scrolls sideways or is clipped) and never squeezes a label into one
 * character per line. Screenshots of each go to packages/widgets/test-artifacts/screenshots (gitignored).
 */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { WIDGET_LANGUAGES, type WidgetLanguage } from '../i18n/messages.js';
import type { SalesopsClient } from '../data/client.js';
import type { SalesopsElement } from '../shared/base.js';
import { cleanup, expectAccessible, fixtureClient, small, smallOrg, SMALL_AS_OF } from './helpers.js';

const WIDTHS = [300, 380, 760] as const;
const LOCALE = { en: 'en_US', de: 'de_DE', ja: 'ja_JP', 'zh-CN': 'zh_CN', 'zh-TW': 'zh_TW' } as const;
const ELEMENTS: ReadonlyArray<readonly [tag: string, attributes: Record<string, string>]> = [
  ['salesops-attainment', {}],
  ['salesops-leaderboard', {}],
  ['salesops-forecast', {}],
  ['salesops-territory-coverage', { 'record-id': small.accounts.acc3 }],
  ['salesops-deal-health', { 'record-id': small.deals.B3 }],
];
const TEXT = 'h2, h3, th, td, dt, dd, p, li';

/** The text boxes of an element's shadow root that are squeezed to about one character per line. */
function crampedTexts(element: HTMLElement): string[] {
  const cramped: string[] = [];
  for (const node of element.shadowRoot?.querySelectorAll<HTMLElement>(TEXT) ?? []) {
    const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length < 4 || node.closest('.visually-hidden, caption') || node.getClientRects().length === 0) continue;
    // A table head moved off screen for narrow columns (the cells carry their labels there).
    const head = node.closest('thead');
    if (head && getComputedStyle(head).position === 'absolute') continue;
    // The line boxes of the text itself (a table cell's height follows its row, so its box says nothing).
    const range = document.createRange();
    range.selectNodeContents(node);
    const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
    // Three characters a line at least: a Japanese header stacked one character per line fails here.
    if (lines > 1 && lines > Math.ceil(text.length / 3)) cramped.push(`${node.localName} "${text}" in ${lines} lines`);
  }
  return cramped;
}

async function screenshot(name: string, element: HTMLElement): Promise<void> {
  element.scrollIntoView();
  const r = element.getBoundingClientRect();
  const clip = { x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height };
  await executeServerCommand('salesops-screenshot', { name, clip });
}

/** Mounts every element at each width and checks it fits; screenshots are named `<element>-<width>-<label>`. */
async function expectFits(client: SalesopsClient, language: WidgetLanguage, label: string): Promise<void> {
  for (const width of WIDTHS) {
    const provider = document.createElement('salesops-provider');
    provider.client = client;
    provider.setAttribute('language', language);
    provider.setAttribute('locale', LOCALE[language]);
    provider.setAttribute('user-id', small.users.A);
    provider.setAttribute('as-of', SMALL_AS_OF);
    const elements: Array<SalesopsElement<unknown>> = [];
    for (const [tag, attributes] of ELEMENTS) {
      const column = document.createElement('div');
      column.style.width = `${width}px`;
      column.style.marginBottom = '8px';
      const element = document.createElement(tag) as SalesopsElement<unknown>;
      for (const [k, v] of Object.entries(attributes)) element.setAttribute(k, v);
      column.append(element);
      provider.append(column);
      elements.push(element);
    }
    document.body.append(provider);
    await Promise.all(elements.map((e) => e.updateComplete.then(() => e.loaded())));
    // Charts lay out on the next frame (chart.js resizes to its container).
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
    for (const element of elements) {
      const where = `<${element.localName}> at ${width} px in ${label}`;
      expect(element.state, where).to.equal('ready');
      expect(element.clientWidth, where).to.equal(width - 2); // the card's 1 px border on each side
      expect(element.scrollWidth, `${where} scrolls sideways`).to.be.at.most(element.clientWidth);
      expect(crampedTexts(element), where).to.deep.equal([]);
      // The narrowest column, where text wraps most, passes the axe audit in every language.
      if (width === WIDTHS[0]) await expectAccessible(element);
      await screenshot(`${element.localName.replace('salesops-', '')}-${width}-${label}`, element);
    }
    provider.remove();
  }
}

describe('layout in narrow and wide columns, in every language', () => {
  afterEach(cleanup);

  for (const language of WIDGET_LANGUAGES) {
    it(`fits 300, 380 and 760 px without clipping (${language})`, () =>
      expectFits(fixtureClient(), language, language));
  }

  it('fits with long names, stages and territories too (German)', () => {
    const data = smallOrg();
    const long = (name: string | null) => `${name ?? ''} Donaudampfschifffahrtsgesellschaftskapitänsvertretung`;
    const client = fixtureClient({
      ...data,
      users: data.users.map((u) => ({ ...u, Name: long(u.Name) })),
      accounts: data.accounts.map((a) => ({ ...a, Name: long(a.Name) })),
      territories: data.territories.map((t) => ({ ...t, Name: long(t.Name) })),
      opportunities: data.opportunities.map((o) => ({ ...o, Name: long(o.Name) })),
    });
    return expectFits(client, 'de', 'de-long');
  });
});
