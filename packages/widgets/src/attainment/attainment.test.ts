import { expect } from 'chai';
import { computeForecast, computePerformance, createOrgSnapshot, daysBetween, parsePeriodSpec } from '@salesops/core';
import { NoPermissionError } from '../data/client.js';
import { createFormatters } from '../i18n/format.js';
import {
  bodyState,
  cleanup,
  expectAccessible,
  failingClient,
  figure,
  fixtureClient,
  mount,
  pendingClient,
  small,
  smallOrg,
  SMALL_AS_OF,
  storedResultsOf,
} from '../testing/helpers.js';
import type { SalesopsAttainment } from './attainment.js';
import { pipelineToAdd } from './attainmentScope.js';

const snapshot = createOrgSnapshot(smallOrg());
const period = parsePeriodSpec('current', { calendar: snapshot.calendar, asOf: SMALL_AS_OF });
const report = computePerformance(snapshot, { period, asOf: SMALL_AS_OF });
const f = createFormatters('en-US', 'USD');
const engine = (repId: string) => {
  const rep = report.reps.find((r) => r.repId === repId);
  if (!rep) throw new Error('no rep');
  return rep;
};

describe('salesops-attainment', () => {
  afterEach(cleanup);

  it('passes an axe audit with data', async () => {
    const { element } = await mount<SalesopsAttainment>('salesops-attainment', { userId: small.users.A });
    expect(bodyState(element)).to.equal('ready');
    await expectAccessible(element);
  });

  it("shows the CLI's stored figures for the rep: one headline, plain words, compact amounts", async () => {
    const { element } = await mount<SalesopsAttainment>('salesops-attainment', { userId: small.users.A });
    const rep = engine(small.users.A);
    expect(rep.closedWon).to.be.greaterThan(0);
    expect(figure(element, 'attainment')).to.equal(f.wholePercent(rep.attainment));
    const words = [...(element.shadowRoot?.querySelectorAll('.headline-words') ?? [])].map((n) => n.textContent);
    expect(words).to.deep.equal([
      `${f.compactMoney(rep.closedWon)} closed of ${f.compactMoney(rep.quota)} quota`,
      `On track for ${f.wholePercent(rep.pace)} of quota`,
    ]);
    // One headline figure: everything else is smaller.
    expect(element.shadowRoot?.querySelectorAll('.headline-figure').length).to.equal(1);
    const days = daysBetween(SMALL_AS_OF, period.end);
    expect(element.shadowRoot?.textContent).to.contain(`${days} days left`);
    const forecast = computeForecast(snapshot, {
      period,
      asOf: SMALL_AS_OF,
      scopes: [{ type: 'rep', id: rep.repId, name: rep.name }],
      seed: 42,
    }).scopes[0];
    expect(figure(element, 'commit')).to.equal(f.compactMoney(forecast?.methods.commit?.forecast));
    expect(figure(element, 'best-case')).to.equal(f.compactMoney(forecast?.methods.bestCase?.forecast));
    expect(figure(element, 'open-pipeline')).to.equal(f.compactMoney(rep.openPipeline));
    // A has no closed deals in the four quarters before: no required coverage, so no pipeline advice.
    expect(rep.requiredCoverage).to.equal(null);
    expect(element.shadowRoot?.querySelector('[data-figure="pipeline-to-add"]')).to.equal(null);
    const canvas = element.shadowRoot?.querySelector('canvas');
    expect(canvas?.getAttribute('role')).to.equal('img');
    expect(canvas?.getAttribute('aria-label')).to.contain(f.money(rep.closedWon));
    expect(element.shadowRoot?.querySelector('[part="header"] svg')).to.not.equal(null);
  });

  it('says how much pipeline to add (hand-computed for C)', async () => {
    // C: quota 45,000, closed won 15,000, open pipeline 30,000, required coverage 1.5 (computePerformance.test):
    // 1.5 × 30,000 − 30,000 = 15,000.
    expect(pipelineToAdd({ requiredCoverage: 1.5, remainingQuota: 30000, openPipeline: 30000 })).to.equal(15000);
    expect(pipelineToAdd({ requiredCoverage: 3, remainingQuota: 100, openPipeline: 400 })).to.equal(0);
    expect(pipelineToAdd({ requiredCoverage: 3, remainingQuota: 0, openPipeline: 0 })).to.equal(null);
    expect(pipelineToAdd({ requiredCoverage: null, remainingQuota: 10, openPipeline: 0 })).to.equal(null);
    const { element } = await mount<SalesopsAttainment>('salesops-attainment', { userId: small.users.C });
    expect(figure(element, 'pipeline-to-add')).to.equal('Add $15K of pipeline');
  });

  it("gives a manager their team's stored figures and the VP the org's (the CLI's, in at most 3 requests)", async () => {
    const manager = await mount<SalesopsAttainment>('salesops-attainment', { userId: small.users.mgrWest });
    const west = report.teams.find((t) => t.managerId === small.users.mgrWest);
    expect(west?.attainment).to.be.a('number');
    expect(bodyState(manager.element)).to.equal('ready');
    expect(manager.element.shadowRoot?.querySelector('[data-scope]')?.textContent).to.contain('Team of Wanda West');
    expect(figure(manager.element, 'attainment')).to.equal(f.wholePercent(west?.attainment));
    // The team's forecast record stores no open pipeline of its own: no figure rather than a wrong one.
    expect(manager.element.shadowRoot?.querySelector('[data-figure="open-pipeline"]')).to.equal(null);
    cleanup();
    const vp = await mount<SalesopsAttainment>('salesops-attainment', { userId: small.users.vp });
    expect(vp.element.shadowRoot?.querySelector('[data-scope]')?.getAttribute('data-scope')).to.equal('org');
    expect(figure(vp.element, 'attainment')).to.equal(f.wholePercent(report.org.attainment));
    await expectAccessible(vp.element);
    cleanup();
    // Without the team's stored forecast: the not-written state, never a live computation.
    const noForecast = fixtureClient(smallOrg(), {
      ...storedResultsOf(smallOrg(), SMALL_AS_OF),
      SalesOps_Forecast__c: [],
    });
    const missing = await mount<SalesopsAttainment>('salesops-attainment', {
      client: noForecast,
      userId: small.users.mgrWest,
    });
    expect(missing.element.emptyReason).to.equal('not-written');
    expect(missing.element.shadowRoot?.textContent).to.contain('`sf salesops reps compare --write`');
    cleanup();
    const vpMissing = await mount<SalesopsAttainment>('salesops-attainment', {
      client: noForecast,
      userId: small.users.vp,
    });
    expect(vpMissing.element.shadowRoot?.textContent).to.contain('`sf salesops forecast --group-by org --write`');
  });

  it('shows the rank from the stored scorecard', async () => {
    const client = fixtureClient(smallOrg(), {
      SalesOps_Rep_Scorecard__c: [
        {
          Rep__c: small.users.A,
          Period_Label__c: period.label,
          Period_Start__c: period.start,
          Period_End__c: period.end,
          Closed_Won__c: 100,
          Rank__c: 2,
          Percentile__c: 67,
          As_Of__c: '2026-03-14',
        },
      ],
    });
    const { element } = await mount<SalesopsAttainment>('salesops-attainment', { client, userId: small.users.A });
    expect(element.shadowRoot?.textContent).to.contain('Rank 2 among peers');
    expect(element.shadowRoot?.textContent).to.contain('Mar 14, 2026');
  });

  it('re-renders when the user changes', async () => {
    const { element } = await mount<SalesopsAttainment>('salesops-attainment', { userId: small.users.A });
    element.userId = small.users.C;
    await element.updateComplete;
    await element.loaded();
    expect(figure(element, 'attainment')).to.equal(f.wholePercent(engine(small.users.C).attainment));
    expect(engine(small.users.C).attainment).to.not.equal(engine(small.users.A).attainment);
  });

  it('shows the loading, empty, error and no-permission states', async () => {
    const loading = await mount<SalesopsAttainment>('salesops-attainment', { client: pendingClient, wait: false });
    await loading.element.updateComplete;
    expect(bodyState(loading.element)).to.equal('loading');
    await expectAccessible(loading.element);
    cleanup();

    // No results stored yet: the state names the command that writes them.
    const none = fixtureClient(smallOrg(), {});
    const empty = await mount<SalesopsAttainment>('salesops-attainment', { client: none, userId: small.users.A });
    expect([bodyState(empty.element), empty.element.emptyReason]).to.deep.equal(['empty', 'not-written']);
    expect(empty.element.shadowRoot?.textContent).to.contain('`sf salesops reps compare --write`');
    cleanup();

    const error = await mount<SalesopsAttainment>('salesops-attainment', {
      client: failingClient(new Error('HTTP 500 <b>boom</b>')),
      userId: small.users.A,
    });
    expect(bodyState(error.element)).to.equal('error');
    // Never the server's own text: a translated message by error code.
    expect(error.element.shadowRoot?.querySelector('b')).to.equal(null);
    expect(error.element.shadowRoot?.textContent).to.not.contain('boom');
    expect(error.element.shadowRoot?.querySelector('.state.error')?.textContent).to.equal(
      'The data could not be loaded. Retry, or tell your admin if it happens again.',
    );
    const retry = error.element.shadowRoot?.querySelector('button');
    expect(retry).to.not.equal(null);
    retry?.focus();
    expect(error.element.shadowRoot?.activeElement).to.equal(retry);
    await expectAccessible(error.element);
    cleanup();

    const denied = await mount<SalesopsAttainment>('salesops-attainment', {
      client: failingClient(Object.assign(new Error('no'), { errorCode: 'INSUFFICIENT_ACCESS' })),
      userId: small.users.A,
    });
    expect(bodyState(denied.element)).to.equal('no-permission');
    cleanup();
    const denied2 = await mount<SalesopsAttainment>('salesops-attainment', {
      client: failingClient(new NoPermissionError('no')),
      userId: small.users.A,
    });
    expect(bodyState(denied2.element)).to.equal('no-permission');
    await expectAccessible(denied2.element);
  });

  it('destroys its chart on disconnect and draws it again on reconnect', async () => {
    const { provider, element } = await mount<SalesopsAttainment>('salesops-attainment', { userId: small.users.A });
    const chart = element.chart;
    expect(chart).to.not.equal(undefined);
    element.remove();
    expect(element.chart).to.equal(undefined);
    // chart.js forgets a destroyed chart's canvas.
    expect(chart?.canvas ?? null).to.equal(null);
    provider.append(element);
    await element.updateComplete;
    expect(element.chart).to.not.equal(undefined);
  });

  it('speaks German with German number formats', async () => {
    const { element } = await mount<SalesopsAttainment>('salesops-attainment', {
      userId: small.users.A,
      language: 'de',
      locale: 'de_DE',
    });
    const rep = engine(small.users.A);
    expect(element.shadowRoot?.querySelector('h2')?.textContent).to.equal('Zielerreichung');
    const de = createFormatters('de-DE', 'USD');
    expect(figure(element, 'commit')).to.match(/\$$/);
    expect(element.shadowRoot?.querySelector('.headline-words')?.textContent).to.equal(
      `${de.compactMoney(rep.closedWon)} gewonnen von ${de.compactMoney(rep.quota)} Quote`,
    );
    await expectAccessible(element);
  });
});
