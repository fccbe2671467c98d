/**
 * A real widget page's markup (force-app/main/default/pages/SalesOpsAttainment.page and SalesOpsLeaderboard.page),
 * its merge fields filled as Visualforce fills them (HTML-encoded), started by `bootstrapPage` with jsforce against
 * the local org: the session, user, language, locale and App Builder properties reach the provider and the element,
 * a record id that is not one is dropped, and the element shows the rep's data.
 */
import { expect } from 'chai';
import type { QueryConnection } from '@salesops/org/browser';
import '../index.js';
import { bodyState } from '../testing/helpers.js';
import { bootstrapPage, recordIdOf, type ConnectionConstructor } from './bootstrap.js';
import type { SalesopsProvider } from '../provider/provider.js';
import type { SalesopsElement } from '../shared/base.js';

interface LocalOrgInfo {
  url: string;
  asOf: string;
  rep: { userId: string; name: string; token: string };
}

type JsforceGlobal = { Connection: ConnectionConstructor };

async function loadJsforce(): Promise<JsforceGlobal> {
  const global = window as unknown as { jsforce?: JsforceGlobal };
  if (!global.jsforce) {
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/node_modules/jsforce/dist/jsforce-core.min.js';
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('jsforce could not be loaded'));
      document.head.append(script);
    });
  }
  return global.jsforce as JsforceGlobal;
}

const html = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The page's provider markup with its merge fields filled (Visualforce HTML-encodes merge fields in attributes). */
async function pageMarkup(page: string, fields: Record<string, string>): Promise<string> {
  const text = await (await fetch(`/force-app/main/default/pages/${page}.page`)).text();
  const markup = /<salesops-provider[\s\S]*<\/salesops-provider>/.exec(text)?.[0];
  if (!markup) throw new Error(`${page}: no salesops-provider`);
  return markup.replace(/\{!JSENCODE\(([^)]+)\)\}/g, (_, field: string) => html(fields[field] ?? ''));
}

describe('page bootstrap (real page markup, local org)', () => {
  let org: LocalOrgInfo;
  let jsforce: JsforceGlobal;
  const lang = document.documentElement.lang;

  before(async () => {
    org = (await (await fetch('/__salesops/local-org.json')).json()) as LocalOrgInfo;
    jsforce = await loadJsforce();
  });

  afterEach(() => {
    for (const p of document.querySelectorAll('salesops-provider')) p.remove();
    document.documentElement.lang = lang;
  });

  async function start(page: string, parameters: Record<string, string>) {
    const container = document.createElement('div');
    container.innerHTML = await pageMarkup(page, {
      '$Api.Session_ID': org.rep.token,
      '$User.Id': org.rep.userId,
      '$User.LanguageLocaleKey': 'ja',
      '$User.LocaleSidKey': 'ja_JP',
      ...Object.fromEntries(Object.entries(parameters).map(([k, v]) => [`$CurrentPage.parameters.${k}`, v])),
    });
    const provider = container.firstElementChild as SalesopsProvider;
    // Outside Salesforce: the API is on the local org, and the sample's as-of date pins the period.
    provider.dataset['instanceUrl'] = org.url;
    provider.setAttribute('as-of', org.asOf);
    document.body.append(provider);
    expect(bootstrapPage(jsforce.Connection)).to.equal(provider);
    const element = provider.firstElementChild as SalesopsElement<unknown>;
    await provider.updateComplete;
    await element.loaded();
    return { provider, element };
  }

  it("configures the provider from the page's data-* attributes and shows the rep's stored attainment", async () => {
    const { provider, element } = await start('SalesOpsAttainment', { period: 'current' });
    expect((provider as unknown as { connection?: QueryConnection }).connection).to.not.equal(undefined);
    expect(provider.getAttribute('user-id')).to.equal(org.rep.userId);
    expect(provider.getAttribute('language')).to.equal('ja');
    expect(provider.getAttribute('locale')).to.equal('ja_JP');
    expect(document.documentElement.lang).to.equal('ja');
    expect(element.getAttribute('period')).to.equal('current');
    // The rep's stored scorecard once the real-pages test has run the CLI's --write, else the not-written state:
    // either way read through the page's connection, never an error.
    const state = [bodyState(element), element.emptyReason];
    expect([JSON.stringify(['ready', null]), JSON.stringify(['empty', 'not-written'])]).to.include(
      JSON.stringify(state),
      element.shadowRoot?.textContent ?? '',
    );
    // The element speaks the user's language.
    expect(element.shadowRoot?.querySelector('[part="base"]')?.getAttribute('lang')).to.equal('ja');
  });

  it('passes the App Builder properties and drops a record id that is not one', async () => {
    const { element } = await start('SalesOpsLeaderboard', {
      id: '"><img src=x onerror=alert(1)>',
      scope: 'team',
      anonymise: '1',
    });
    expect(element.hasAttribute('record-id')).to.equal(false);
    expect(element.hasAttribute('anonymize')).to.equal(true);
    expect(element.getAttribute('scope')).to.equal('team');
    expect(document.querySelector('img')).to.equal(null);
    expect(['ready', 'empty']).to.include(bodyState(element));
  });

  it('accepts 15- and 18-character record ids only', () => {
    expect(recordIdOf('006000000000001')).to.equal('006000000000001');
    expect(recordIdOf('006000000000001AAA')).to.equal('006000000000001AAA');
    for (const bad of ['', '0060000000000', '006000000000001A', "006000000000001'", undefined]) {
      expect(recordIdOf(bad), String(bad)).to.equal(null);
    }
  });
});
