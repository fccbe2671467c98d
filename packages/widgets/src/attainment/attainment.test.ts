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

const snapshot = createOrgSnapshot(smallOrg());
const period = parsePeriodSpec('current', { calendar: snapshot.calendar, asOf: SMALL_AS_OF });
const report = computePerformance(snapshot, { period, asOf: SMALL_AS_OF });
const f = createFormatters('en-US', 'USD');
const words = (element: HTMLElement) =>
  [...(element.shadowRoot?.querySelectorAll('.headline-words') ?? [])].map((w) => w.textContent);
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
      `On track for ${f.percent(rep.pace)} of quota`,
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
    // Team West in FY2026-Q1 as of 03-15 (74 of 90 days): 18,000 won of 45,000 → 40% / (74/90) = 48.6%; C's 30,000
    // open; 35,000 closed in the four quarters before, 25,000 of it won → required coverage 1.4 → 1.4 × 27,000 − 30,000.
    expect(words(manager.element)).to.include('On track for 48.6% of quota');
    expect(figure(manager.element, 'pipeline-to-add')).to.equal('Add $7.8K of pipeline');
    expect(figure(manager.element, 'open-pipeline')).to.equal('$30K');
    expect(west?.pace).to.be.closeTo(0.4 / (74 / 90), 1e-9);
    cleanup();
    const vp = await mount<SalesopsAttainment>('salesops-attainment', { userId: small.users.vp });
    expect(vp.element.shadowRoot?.querySelector('[data-scope]')?.getAttribute('data-scope')).to.equal('org');
    expect(figure(vp.element, 'attainment')).to.equal(f.wholePercent(report.org.attainment));
    // The org: 45,000 of 135,000 → 33.3% / (74/90) = 40.5%; 44,500 open; 1.4 × 90,000 − 44,500 = 81,500.
    expect(words(vp.element)).to.include('On track for 40.5% of quota');
    expect(figure(vp.element, 'pipeline-to-add')).to.equal('Add $81.5K of pipeline');
    expect(figure(vp.element, 'open-pipeline')).to.equal('$44.5K');
    await expectAccessible(vp.element);
    cleanup();
    // A team forecast stored before forecasts carried pace and pipeline: the card names the run that adds them.
    const stored = storedResultsOf(smallOrg(), SMALL_AS_OF);
    const older = fixtureClient(smallOrg(), {
      ...stored,
      SalesOps_Forecast__c: (stored['SalesOps_Forecast__c'] ?? []).map((r) => ({
        ...r,
        Pace__c: null,
        Open_Pipeline__c: null,
        Required_Coverage__c: null,
      })),
    });
    const old = await mount<SalesopsAttainment>('salesops-attainment', { client: older, userId: small.users.mgrWest });
    expect(old.element.shadowRoot?.querySelector('[data-missing="pace"]')?.textContent).to.equal(
      'Pace and pipeline to add appear after the next run of `sf salesops forecast --group-by team --write`',
    );
    expect(old.element.shadowRoot?.querySelector('[data-figure="pipeline-to-add"]')).to.equal(null);
    expect(words(old.element)).to.not.include('On track for 48.6% of quota');
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
