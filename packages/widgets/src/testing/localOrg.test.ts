/**
 * The widgets against the local org over HTTP, through jsforce's browser build (as inside Visualforce): a rep's
 * token shows only that rep's data, a manager's shows the team's.
 */
import { expect } from 'chai';
import type { QueryConnection } from '@salesops/org/browser';
import { createConnectionClient } from '../data/client.js';
import { bodyState, cleanup, mount } from './helpers.js';
import type { SalesopsAttainment } from '../attainment/attainment.js';
import type { SalesopsDealHealth } from '../deal-health/deal-health.js';
import type { SalesopsLeaderboard } from '../leaderboard/leaderboard.js';

interface LocalOrgInfo {
  url: string;
  asOf: string;
  rep: { userId: string; name: string; token: string };
  teammates: Array<{ userId: string; name: string; token: string }>;
  manager: { userId: string; name: string; token: string };
  admin: { token: string };
}

declare global {
  interface Window {
    jsforce?: {
      Connection: new (options: { instanceUrl: string; accessToken: string; version: string }) => QueryConnection;
    };
  }
}

async function loadJsforce() {
  if (!window.jsforce) {
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/node_modules/jsforce/dist/jsforce-core.min.js';
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('jsforce could not be loaded'));
      document.head.append(script);
    });
  }
  return window.jsforce as NonNullable<Window['jsforce']>;
}

describe('widgets against the local org (HTTP, jsforce browser build)', () => {
  let org: LocalOrgInfo;
  const client = async (token: string) => {
    const jsforce = await loadJsforce();
    return createConnectionClient(
      new jsforce.Connection({ instanceUrl: org.url, accessToken: token, version: '64.0' }),
    );
  };
  before(async () => {
    org = (await (await fetch('/__salesops/local-org.json')).json()) as LocalOrgInfo;
  });
  afterEach(cleanup);

  it("reads only the rep's own deals with a rep's token, the team's with the manager's", async () => {
    const asRep = await (await client(org.rep.token)).orgSnapshot();
    const asManager = await (await client(org.manager.token)).orgSnapshot();
    const owners = new Set(asRep.data.opportunities.map((o) => o.OwnerId));
    expect(asRep.data.opportunities.length).to.be.greaterThan(0);
    expect([...owners]).to.deep.equal([org.rep.userId]);
    const managerOwners = new Set(asManager.data.opportunities.map((o) => o.OwnerId));
    expect(managerOwners.size).to.be.greaterThan(1);
    expect(managerOwners.has(org.rep.userId)).to.equal(true);
  });

  it("never shows a rep a teammate's attainment: scorecards are private to the rep and the managers", async () => {
    const teammate = org.teammates[0];
    if (!teammate) throw new Error('the sample has no teammate');
    const asRep = await mount<SalesopsAttainment>('salesops-attainment', {
      client: await client(org.rep.token),
      userId: teammate.userId,
      asOf: org.asOf,
    });
    // Whether or not scorecards were stored (realPages.test.ts writes them), the rep cannot read the teammate's.
    expect(bodyState(asRep.element)).to.equal('empty');
  });

  it("does not show another rep's deal to a rep", async function () {
    // Deal health weighs the deal against stored benchmarks: the admin's scheduled runs (`pipeline hygiene --write`
    // among them) write them, once for all the tests, when their results are first asked for.
    this.timeout(900_000);
    await fetch('/__salesops/cli-results.json');
    const managerSnapshot = await (await client(org.manager.token)).orgSnapshot();
    const teammates = new Set(org.teammates.map((t) => t.userId));
    const othersDeal = managerSnapshot.data.opportunities.find((o) => o.OwnerId !== null && teammates.has(o.OwnerId));
    expect(othersDeal).to.not.equal(undefined);
    const asManager = await mount<SalesopsDealHealth>('salesops-deal-health', {
      client: await client(org.manager.token),
      asOf: org.asOf,
      attributes: { 'record-id': othersDeal?.Id ?? '' },
    });
    expect(bodyState(asManager.element)).to.equal('ready');
    cleanup();
    const asRep = await mount<SalesopsDealHealth>('salesops-deal-health', {
      client: await client(org.rep.token),
      asOf: org.asOf,
      attributes: { 'record-id': othersDeal?.Id ?? '' },
    });
    expect(bodyState(asRep.element)).to.equal('empty');
  });

  it('shows the rep and the manager the same stored leaderboard, never one computed from what each can see', async () => {
    const shown = async (token: string, userId: string) => {
      const { element } = await mount<SalesopsLeaderboard>('salesops-leaderboard', {
        client: await client(token),
        userId,
        asOf: org.asOf,
      });
      const rows = [...(element.shadowRoot?.querySelectorAll('tbody tr') ?? [])].map((r) =>
        [...r.querySelectorAll('[data-figure]')].map((c) => c.textContent?.trim()),
      );
      const state = [bodyState(element), element.emptyReason];
      cleanup();
      return { state, rows };
    };
    const asRep = await shown(org.rep.token, org.rep.userId);
    const asManager = await shown(org.manager.token, org.manager.userId);
    // Nothing stored yet: both see the not-written state; once stored: both see the same rows.
    expect(asRep.state[0]).to.be.oneOf(['ready', 'empty']);
    expect(asManager).to.deep.equal(asRep);
  });
});
