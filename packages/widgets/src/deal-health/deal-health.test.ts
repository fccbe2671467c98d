import { expect } from 'chai';
import { createOrgSnapshot, parsePeriodSpec, pipelineHygiene, stageBenchmarks, wonDealPatterns } from '@salesops/core';
import type { SalesopsClient } from '../data/client.js';
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
  expectErrorStates,
  expectChartDestroyedOnDisconnect,
  fixtureClient,
  storedResultsOf,
} from '../testing/helpers.js';
import type { SalesopsDealHealth } from './deal-health.js';

const snapshot = createOrgSnapshot(smallOrg());
const period = parsePeriodSpec('current', { calendar: snapshot.calendar, asOf: SMALL_AS_OF });
const hygiene = pipelineHygiene(snapshot, { period, asOf: SMALL_AS_OF });
const patterns = wonDealPatterns(snapshot, SMALL_AS_OF);
const f = createFormatters('en-US', 'USD');

describe('salesops-deal-health', () => {
  afterEach(cleanup);

  it('passes an axe audit', async () => {
    const { element } = await mount<SalesopsDealHealth>('salesops-deal-health', {
      attributes: { 'record-id': small.deals.B3 },
    });
    expect(bodyState(element)).to.equal('ready');
    await expectAccessible(element);
  });

  it("shows the engine's hygiene flags for the deal, its pushes and the typical time in its stage", async () => {
    // B3 was pushed twice (02-28 → 03-15 → 05-15).
    const { element } = await mount<SalesopsDealHealth>('salesops-deal-health', {
      attributes: { 'record-id': small.deals.B3 },
    });
    const deal = hygiene.deals.find((d) => d.opportunityId === small.deals.B3);
    expect(deal?.flags.length).to.be.greaterThan(0);
    const shown = [...(element.shadowRoot?.querySelectorAll('[data-flag]') ?? [])].map((n) =>
      n.getAttribute('data-flag'),
    );
    expect(shown).to.deep.equal(deal?.flags.map((x) => x.rule));
    expect(figure(element, 'pushes')).to.equal('2');
    expect(figure(element, 'stage')).to.equal(deal?.stage);
    const n = deal?.flags.length ?? 0;
    expect(figure(element, 'to-check')).to.equal(`${n} ${n === 1 ? 'thing' : 'things'} to check`);
    const typical = patterns.medianDaysInStage.get(deal?.stage ?? '');
    expect(typical).to.be.a('number');
    const words = [...(element.shadowRoot?.querySelectorAll('.headline-words') ?? [])].map((x) => x.textContent);
    expect(words).to.include(`Won deals usually spend ${f.integer(typical)} ${typical === 1 ? 'day' : 'days'} here`);
  });

  it("shows the stored win chance at the deal's stage, and reads only the benchmarks, the deal and its history", async () => {
    const objects: string[] = [];
    const inner = fixtureClient();
    const counting: SalesopsClient = {
      orgSnapshot: () => Promise.reject(new Error('deal health reads no org snapshot')),
      storedResults: (query) => {
        objects.push(query.sobject);
        return inner.storedResults(query);
      },
    };
    const { element } = await mount<SalesopsDealHealth>('salesops-deal-health', {
      client: counting,
      attributes: { 'record-id': small.deals.C3 },
    });
    expect(bodyState(element)).to.equal('ready');
    expect(objects.sort()).to.deep.equal(['Opportunity', 'OpportunityHistory', 'SalesOps_Stage_Benchmark__c']);
    // C3 is in Qualification: one closed deal (A3) reached it, and was won.
    const qualification = stageBenchmarks(snapshot, SMALL_AS_OF).stages.find((s) => s.stage === 'Qualification');
    expect(qualification?.winChance).to.equal(1);
    expect(figure(element, 'win-chance')).to.equal('100.0%');
  });

  it('says what to run when no benchmarks were written yet', async () => {
    const stored = storedResultsOf(smallOrg(), SMALL_AS_OF);
    delete stored['SalesOps_Stage_Benchmark__c'];
    const { element } = await mount<SalesopsDealHealth>('salesops-deal-health', {
      client: fixtureClient(smallOrg(), stored),
      attributes: { 'record-id': small.deals.B3 },
    });
    expect(element.emptyReason).to.equal('not-written');
    expect(element.shadowRoot?.querySelector('[data-reason="not-written"]')?.textContent).to.contain(
      'sf salesops pipeline hygiene --write',
    );
  });

  it('shows a closed deal as closed, won or lost, without time in stage or win chance', async () => {
    const won = await mount<SalesopsDealHealth>('salesops-deal-health', {
      attributes: { 'record-id': small.deals.A1 },
    });
    expect(figure(won.element, 'status')).to.equal('$6K');
    expect(won.element.shadowRoot?.querySelector('.headline-words')?.textContent).to.equal(
      'Closed won on Feb 10, 2026',
    );
    expect(won.element.shadowRoot?.querySelector('[data-figure="win-chance"]')).to.equal(null);
    expect(won.element.shadowRoot?.querySelector('canvas')).to.equal(null);
    await expectAccessible(won.element);
    cleanup();
    const lost = await mount<SalesopsDealHealth>('salesops-deal-health', {
      attributes: { 'record-id': small.deals.A2 },
      language: 'ja',
      locale: 'ja_JP',
    });
    expect(lost.element.shadowRoot?.querySelector('h2')?.textContent).to.equal('商談の健全性');
    expect(lost.element.shadowRoot?.querySelector('.headline-words')?.textContent).to.equal('2026/02/01 に失注');
  });

  it('re-renders for another deal', async () => {
    const { element } = await mount<SalesopsDealHealth>('salesops-deal-health', {
      attributes: { 'record-id': small.deals.B3 },
    });
    element.recordId = small.deals.C3;
    await element.updateComplete;
    await element.loaded();
    const deal = hygiene.deals.find((d) => d.opportunityId === small.deals.C3);
    expect(element.shadowRoot?.querySelector('[data-deal]')?.textContent).to.equal('C3');
    expect(figure(element, 'stage')).to.equal(deal?.stage);
  });

  it('shows the loading, empty, error and no-permission states', async () => {
    const loading = await mount<SalesopsDealHealth>('salesops-deal-health', { client: pendingClient, wait: false });
    await loading.element.updateComplete;
    expect(bodyState(loading.element)).to.equal('loading');
    cleanup();
    const empty = await mount<SalesopsDealHealth>('salesops-deal-health', {
      attributes: { 'record-id': '006000000000099AAA' },
    });
    expect(bodyState(empty.element)).to.equal('empty');
    cleanup();
    await expectErrorStates('salesops-deal-health', {
      attributes: { 'record-id': small.deals.B3 },
    });
  });

  it('destroys its chart on disconnect', () =>
    expectChartDestroyedOnDisconnect('salesops-deal-health', {
      attributes: { 'record-id': small.deals.B3 },
    }));

  it('speaks German', async () => {
    const { element } = await mount<SalesopsDealHealth>('salesops-deal-health', {
      attributes: { 'record-id': small.deals.B3 },
      language: 'de',
      locale: 'de_DE',
    });
    expect(element.shadowRoot?.querySelector('h2')?.textContent).to.equal('Deal-Zustand');
    expect(element.shadowRoot?.querySelector('[data-flag="PUSHED"]')?.textContent).to.contain('verschoben');
    await expectAccessible(element);
  });
});
