/** Test helpers (browser): fixtures from the engine's hand-built small org, mounting, axe. */
import { expect } from 'chai';
import type { OrgData } from '@salesops/core';
import { smallOrg } from '../../../core/src/testing/smallOrg.js';
import { createFixtureClient, type SalesopsClient, type StoredRecord } from '../data/client.js';
import type { SalesopsProvider } from '../provider/provider.js';
import type { SalesopsElement } from '../shared/base.js';
import '../index.js';
import { storedResultsOf } from './storedFixtures.js';

export { storedResultsOf };

export { smallOrg };
export * as small from '../../../core/src/testing/smallOrg.js';

/** The as-of date of the engine's small-org tests (FY2026-Q1 = 2026-01-01..2026-03-31). */
export const SMALL_AS_OF = '2026-03-15';

const smallStored = storedResultsOf(smallOrg(), SMALL_AS_OF);

/** A fixture client over `data` (default: the small org) and its stored results (default: the small org's). */
export function fixtureClient(
  data: OrgData = smallOrg(),
  stored: Record<string, StoredRecord[]> = smallStored,
): SalesopsClient {
  return createFixtureClient(data, stored);
}

/** A client whose reads never finish (the loading state). */
export const pendingClient: SalesopsClient = {
  orgSnapshot: () => new Promise(() => undefined),
  storedResults: () => new Promise(() => undefined),
};

/** A client whose reads fail with `error`. */
export function failingClient(error: unknown): SalesopsClient {
  return { orgSnapshot: () => Promise.reject(error), storedResults: () => Promise.reject(error) };
}

export interface MountOptions {
  client?: SalesopsClient;
  language?: string;
  locale?: string;
  userId?: string;
  asOf?: string;
  attributes?: Record<string, string>;
  wait?: boolean;
}

/** Mounts `<salesops-provider>` with one element inside, and waits for the element's first load. */
export async function mount<E extends SalesopsElement<unknown>>(
  tag: string,
  options: MountOptions = {},
): Promise<{ provider: SalesopsProvider; element: E }> {
  const provider = document.createElement('salesops-provider');
  provider.client = options.client ?? fixtureClient();
  if (options.language) provider.setAttribute('language', options.language);
  if (options.locale) provider.setAttribute('locale', options.locale);
  if (options.userId) provider.setAttribute('user-id', options.userId);
  provider.setAttribute('as-of', options.asOf ?? SMALL_AS_OF);
  const element = document.createElement(tag) as E;
  for (const [k, v] of Object.entries(options.attributes ?? {})) element.setAttribute(k, v);
  provider.append(element);
  document.body.append(provider);
  await provider.updateComplete;
  if (options.wait !== false) await element.loaded();
  return { provider, element };
}

export function cleanup(): void {
  for (const p of document.querySelectorAll('salesops-provider')) p.remove();
}

/** The element shows its error state when the read fails, and its no-permission state when the org refuses it. */
export async function expectErrorStates(tag: string, options: MountOptions = {}): Promise<void> {
  const error = await mount(tag, { ...options, client: failingClient(new Error('x')) });
  expect(bodyState(error.element)).to.equal('error');
  cleanup();
  const denied = await mount(tag, {
    ...options,
    client: failingClient(Object.assign(new Error('x'), { errorCode: 'INSUFFICIENT_ACCESS' })),
  });
  expect(bodyState(denied.element)).to.equal('no-permission');
}

/** The element's chart exists once data is shown and is destroyed (its canvas released) when the element leaves. */
export async function expectChartDestroyedOnDisconnect(tag: string, options: MountOptions = {}): Promise<void> {
  const { element } = await mount<SalesopsElement<unknown> & { chart?: { canvas: unknown } }>(tag, options);
  const chart = element.chart;
  expect(chart).to.not.equal(undefined);
  element.remove();
  expect(element.chart).to.equal(undefined);
  expect(chart?.canvas ?? null).to.equal(null);
}

/** The text of a `[data-figure]` value in the element's shadow root. */
export function figure(element: HTMLElement, key: string): string {
  const node = element.shadowRoot?.querySelector(`[data-figure="${key}"]`);
  if (!node) throw new Error(`no figure ${key} in <${element.localName}>`);
  return (node.textContent ?? '').trim();
}

export function bodyState(element: HTMLElement): string | null {
  return element.shadowRoot?.querySelector('[part="body"]')?.getAttribute('data-state') ?? null;
}

interface AxeResults {
  violations: Array<{ id: string; help: string; nodes: Array<{ html: string }> }>;
}
declare global {
  interface Window {
    axe?: { run(context: Element, options?: object): Promise<AxeResults> };
  }
}

async function loadAxe(): Promise<NonNullable<Window['axe']>> {
  if (!window.axe) {
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/node_modules/axe-core/axe.min.js';
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('axe-core could not be loaded'));
      document.head.append(script);
    });
  }
  return window.axe as NonNullable<Window['axe']>;
}

/** Runs an axe-core audit (WCAG 2 A/AA, including colour contrast) on the element and fails on any violation. */
export async function expectAccessible(element: Element): Promise<void> {
  const axe = await loadAxe();
  const results = await axe.run(element, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
  const found = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.html).join(' | ')})`);
  expect(found, found.join('\n')).to.deep.equal([]);
}

/** Every element can be reached with the keyboard: the retry button and scrolling lists are focusable. */
export function focusables(element: HTMLElement): HTMLElement[] {
  return [
    ...(element.shadowRoot?.querySelectorAll<HTMLElement>('button, [tabindex]:not([tabindex="-1"]), a[href]') ?? []),
  ];
}
