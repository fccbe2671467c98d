import { expect } from 'chai';
import { createOrgSnapshot, parsePeriodSpec, territoryCoverage } from '@salesops/core';
import { createFormatters } from '../i18n/format.js';
import {
  bodyState,
  cleanup,
  expectAccessible,
  figure,
  focusables,
  mount,
  pendingClient,
  small,
  smallOrg,
  SMALL_AS_OF,
  expectErrorStates,
  expectChartDestroyedOnDisconnect,
} from '../testing/helpers.js';
import type { SalesopsTerritoryCoverage } from './territory-coverage.js';

const snapshot = createOrgSnapshot(smallOrg());
const period = parsePeriodSpec('current', { calendar: snapshot.calendar, asOf: SMALL_AS_OF });
const report = territoryCoverage(snapshot, { period, asOf: SMALL_AS_OF });
const f = createFormatters('en-US', 'USD');
const of = (id: string) => {
  const t = report.territories.find((x) => x.territoryId === id);
  if (!t) throw new Error('no territory');
  return t;
};

describe('salesops-territory-coverage', () => {
  afterEach(cleanup);

  it('passes an axe audit', async () => {
    const { element } = await mount<SalesopsTerritoryCoverage>('salesops-territory-coverage', {
      attributes: { 'record-id': small.territories.west },
    });
    expect(bodyState(element)).to.equal('ready');
    await expectAccessible(element);
  });

  it("shows the engine's coverage for the account's territory, with its whitespace accounts listed", async () => {
    // acc3 (Cargo) is in West.
    const { element } = await mount<SalesopsTerritoryCoverage>('salesops-territory-coverage', {
      attributes: { 'record-id': small.accounts.acc3 },
    });
    const west = of(small.territories.west);
    expect(element.shadowRoot?.querySelector('[data-territory]')?.textContent).to.equal(west.name);
    expect(figure(element, 'coverage')).to.equal(f.multiple(west.coverage));
    const accounts = `${west.accounts === 1 ? 'account' : 'accounts'}`;
    expect(figure(element, 'covered-accounts')).to.equal(
      `${west.coveredAccounts} of ${west.accounts} ${accounts} covered`,
    );
    expect(figure(element, 'reps')).to.equal(`${west.reps} ${west.reps === 1 ? 'rep' : 'reps'}`);
    expect(figure(element, 'potential')).to.equal(`Potential ${f.compactMoney(west.potential)}`);
    expect(figure(element, 'open-pipeline')).to.equal(f.compactMoney(west.openPipeline));
    // The chart's two parts are told apart by a labelled legend and a pattern, not by colour alone.
    const legend = [...(element.shadowRoot?.querySelectorAll('ul.legend li') ?? [])].map((li) =>
      li.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(legend).to.deep.equal([
      `Covered (${west.coveredAccounts})`,
      `No open deal or recent activity (${west.whitespaceAccounts})`,
    ]);
    const fills = element.chart?.data.datasets[0]?.backgroundColor as unknown[];
    expect(fills[1]).to.be.instanceOf(CanvasPattern);
    const listed = element.shadowRoot?.querySelectorAll('[data-account]') ?? [];
    expect(listed.length).to.equal(west.whitespaceAccounts);
  });

  it('re-renders for another territory and keeps the whitespace list keyboard-reachable', async () => {
    const { element } = await mount<SalesopsTerritoryCoverage>('salesops-territory-coverage', {
      attributes: { 'record-id': small.territories.west },
    });
    element.territoryId = small.territories.empty;
    await element.updateComplete;
    await element.loaded();
    const empty = of(small.territories.empty);
    expect(empty.whitespaceAccounts).to.be.greaterThan(0);
    expect(element.shadowRoot?.querySelector('[data-territory]')?.textContent).to.equal(empty.name);
    expect(element.shadowRoot?.querySelectorAll('[data-account]').length).to.equal(empty.whitespaceAccounts);
    expect(focusables(element).length).to.be.greaterThan(0);
  });

  it('shows the loading, empty, error and no-permission states', async () => {
    const loading = await mount<SalesopsTerritoryCoverage>('salesops-territory-coverage', {
      client: pendingClient,
      wait: false,
    });
    await loading.element.updateComplete;
    expect(bodyState(loading.element)).to.equal('loading');
    cleanup();
    const empty = await mount<SalesopsTerritoryCoverage>('salesops-territory-coverage', {
      attributes: { 'record-id': small.accounts.acc4 },
    });
    expect(bodyState(empty.element)).to.equal('empty');
    cleanup();
    await expectErrorStates('salesops-territory-coverage', {
      attributes: { 'record-id': small.accounts.acc3 },
    });
  });

  it('destroys its chart on disconnect', () =>
    expectChartDestroyedOnDisconnect('salesops-territory-coverage', {
      attributes: { 'record-id': small.accounts.acc3 },
    }));

  it('speaks traditional Chinese', async () => {
    const { element } = await mount<SalesopsTerritoryCoverage>('salesops-territory-coverage', {
      attributes: { 'record-id': small.accounts.acc3 },
      language: 'zh_TW',
      locale: 'zh_TW',
    });
    expect(element.shadowRoot?.querySelector('h2')?.textContent).to.equal('區域覆蓋');
    await expectAccessible(element);
  });
});
