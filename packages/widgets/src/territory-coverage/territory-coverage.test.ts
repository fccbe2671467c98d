import { expect } from 'chai';
import { createFixtureClient } from '../data/client.js';
import { createFormatters } from '../i18n/format.js';
import {
  bodyState,
  cleanup,
  expectAccessible,
  figure,
  mount,
  pendingClient,
  small,
  smallOrg,
  SMALL_AS_OF,
  storedResultsOf,
  expectErrorStates,
  expectChartDestroyedOnDisconnect,
} from '../testing/helpers.js';
import type { SalesopsTerritoryCoverage } from './territory-coverage.js';

const stored = storedResultsOf(smallOrg(), SMALL_AS_OF)['SalesOps_Territory_Coverage__c'] ?? [];
const f = createFormatters('en-US', 'USD');
const of = (id: string) => {
  const t = stored.find((x) => x['Territory_Id__c'] === id);
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

  it("shows the stored coverage of the account's territory", async () => {
    const { element } = await mount<SalesopsTerritoryCoverage>('salesops-territory-coverage', {
      attributes: { 'record-id': small.accounts.acc3 },
    });
    const west = of(small.territories.west);
    const n = (field: string) => west[field] as number;
    expect(element.shadowRoot?.querySelector('[data-territory]')?.textContent).to.equal(west['Territory_Name__c']);
    expect(figure(element, 'coverage')).to.equal(f.multiple(west['Coverage__c'] as number | null));
    const accounts = n('Accounts__c') === 1 ? 'account' : 'accounts';
    expect(figure(element, 'covered-accounts')).to.equal(
      `${n('Covered_Accounts__c')} of ${n('Accounts__c')} ${accounts} covered`,
    );
    expect(figure(element, 'reps')).to.equal(`${n('Reps__c')} ${n('Reps__c') === 1 ? 'rep' : 'reps'}`);
    expect(figure(element, 'potential')).to.equal(`Potential ${f.compactMoney(n('Potential__c'))}`);
    expect(figure(element, 'open-pipeline')).to.equal(f.compactMoney(n('Open_Pipeline__c')));
    // The chart's two parts are told apart by a labelled legend and a pattern, not by colour alone.
    const legend = [...(element.shadowRoot?.querySelectorAll('ul.legend li') ?? [])].map((li) =>
      li.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(legend).to.deep.equal([
      `Covered (${n('Covered_Accounts__c')})`,
      `No open deal or recent activity (${n('Whitespace_Accounts__c')})`,
    ]);
    const fills = element.chart?.data.datasets[0]?.backgroundColor as unknown[];
    expect(fills[1]).to.be.instanceOf(CanvasPattern);
  });

  it('re-renders for another territory', async () => {
    const { element } = await mount<SalesopsTerritoryCoverage>('salesops-territory-coverage', {
      attributes: { 'record-id': small.accounts.acc3 },
    });
    element.territoryId = small.territories.east;
    await element.updateComplete;
    await element.loaded();
    expect(element.shadowRoot?.querySelector('[data-territory]')?.textContent).to.equal(
      of(small.territories.east)['Territory_Name__c'],
    );
  });

  it('shows the loading, empty, not-written, error and no-permission states', async () => {
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
    expect([bodyState(empty.element), empty.element.emptyReason]).to.deep.equal(['empty', 'no-data']);
    cleanup();
    const notWritten = await mount<SalesopsTerritoryCoverage>('salesops-territory-coverage', {
      attributes: { 'record-id': small.territories.west },
      client: createFixtureClient(smallOrg(), {}),
    });
    expect(notWritten.element.emptyReason).to.equal('not-written');
    expect(notWritten.element.shadowRoot?.textContent).to.contain('sf salesops territory coverage --write');
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
