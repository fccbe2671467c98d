/**
 * The gallery page's script: every element against fixtures (the engine's small org) and, when the page was served
 * with a local org, against it with a rep's, a manager's and the VP's token (jsforce browser build over CORS).
 */
import type { QueryConnection } from '@salesops/org/browser';
import { smallOrg, users } from '../../core/src/testing/smallOrg.js';
import { createConnectionClient, createFixtureClient, type SalesopsClient } from '../src/data/client.js';
import { storedResultsOf } from '../src/testing/storedFixtures.js';
import '../src/index.js';

interface GalleryUser {
  readonly userId: string;
  readonly name: string;
  readonly token: string;
}
interface GalleryConfig {
  readonly localOrg: { url: string; asOf: string; rep: GalleryUser; manager: GalleryUser; vp: GalleryUser } | null;
  readonly language: string;
  readonly locale: string;
}

declare global {
  interface Window {
    jsforce?: {
      Connection: new (options: { instanceUrl: string; accessToken: string; version: string }) => QueryConnection;
    };
    salesopsGallery?: { ready: Promise<void> };
  }
}

const TAGS = [
  'salesops-attainment',
  'salesops-leaderboard',
  'salesops-forecast',
  'salesops-territory-coverage',
  'salesops-deal-health',
] as const;

interface Section {
  readonly id: string;
  readonly title: string;
  readonly client: SalesopsClient;
  readonly userId: string;
  readonly asOf: string;
  readonly recordIds: Partial<Record<(typeof TAGS)[number], string>>;
}

function renderSection(section: Section, config: GalleryConfig): Promise<void>[] {
  const container = document.createElement('section');
  container.id = section.id;
  const heading = document.createElement('h2');
  heading.textContent = section.title;
  const grid = document.createElement('div');
  grid.className = 'grid';
  const provider = document.createElement('salesops-provider');
  provider.client = section.client;
  provider.setAttribute('user-id', section.userId);
  provider.setAttribute('as-of', section.asOf);
  provider.setAttribute('language', config.language);
  provider.setAttribute('locale', config.locale);
  const loads: Promise<void>[] = [];
  for (const tag of TAGS) {
    const element = document.createElement(tag);
    element.dataset['gallery'] = `${section.id}-${tag}`;
    const recordId = section.recordIds[tag];
    if (recordId) element.setAttribute('record-id', recordId);
    provider.append(element);
    loads.push(element.updateComplete.then(() => element.loaded()));
  }
  grid.append(provider);
  container.append(heading, grid);
  document.querySelector('main')?.append(container);
  return loads;
}

/** Record ids for the record-page elements: an open deal and an account in a territory of the user, if any. */
async function recordIdsFor(client: SalesopsClient, userId: string) {
  const snapshot = await client.orgSnapshot();
  const own = snapshot.data.opportunities.filter((o) => o.OwnerId === userId);
  const deals = own.length > 0 ? own : snapshot.data.opportunities;
  const open = deals.find((o) => !o.IsClosed) ?? deals[0];
  const inTerritory = snapshot.data.accountTerritories.map((a) => a.ObjectId);
  const account = inTerritory.find((id) => snapshot.accountsById.get(id)?.OwnerId === userId) ?? inTerritory[0];
  return { 'salesops-deal-health': open?.Id, 'salesops-territory-coverage': account };
}

async function main(): Promise<void> {
  const config = JSON.parse(document.getElementById('gallery-config')?.textContent ?? '{}') as GalleryConfig;
  const loads: Promise<void>[] = [];
  const fixtures = createFixtureClient(smallOrg(), storedResultsOf(smallOrg(), '2026-03-15'));
  loads.push(
    ...renderSection(
      {
        id: 'fixtures',
        title: 'Fixtures (the engine’s small org, rep A, as of 2026-03-15)',
        client: fixtures,
        userId: users.A,
        asOf: '2026-03-15',
        recordIds: {
          'salesops-deal-health': '006000000000009AAA',
          'salesops-territory-coverage': '001000000000003AAA',
        },
      },
      config,
    ),
  );
  const local = config.localOrg;
  if (local && window.jsforce) {
    for (const [id, who] of [
      ['rep', local.rep],
      ['manager', local.manager],
      ['vp', local.vp],
    ] as const) {
      const connection = new window.jsforce.Connection({
        instanceUrl: local.url,
        accessToken: who.token,
        version: '64.0',
      });
      const client = createConnectionClient(connection);
      loads.push(
        ...renderSection(
          {
            id,
            title: `Local org as ${id} ${who.name}`,
            client,
            userId: who.userId,
            asOf: local.asOf,
            recordIds: await recordIdsFor(client, who.userId),
          },
          config,
        ),
      );
    }
  }
  await Promise.all(loads);
}

window.salesopsGallery = { ready: main() };
