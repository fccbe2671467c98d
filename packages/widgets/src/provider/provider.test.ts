import { expect } from 'chai';
import { intlLocaleOf, languageOf } from '../i18n/messages.js';
import { storedQuerySoql } from '../data/client.js';
import { cleanup, mount, small } from '../testing/helpers.js';
import type { SalesopsAttainment } from '../attainment/attainment.js';

describe('salesops-provider and languages', () => {
  afterEach(cleanup);

  it('maps Salesforce language and locale keys', () => {
    expect(languageOf('zh_TW')).to.equal('zh-TW');
    expect(languageOf('zh_CN')).to.equal('zh-CN');
    expect(languageOf('de')).to.equal('de');
    expect(languageOf('ja')).to.equal('ja');
    expect(languageOf('en_US')).to.equal('en');
    expect(languageOf('fr')).to.equal('en');
    expect(intlLocaleOf('de_DE_EURO', 'de')).to.equal('de-DE');
    expect(intlLocaleOf('de_CH', 'de')).to.equal('de-CH');
    expect(intlLocaleOf(null, 'ja')).to.equal('ja-JP');
  });

  it('quotes values in stored-result queries', () => {
    expect(
      storedQuerySoql({
        sobject: 'SalesOps_Forecast__c',
        fields: ['P50__c'],
        where: { Scope_Id__c: "x' OR Name != '" },
      }),
    ).to.equal("SELECT P50__c FROM SalesOps_Forecast__c WHERE Scope_Id__c = 'x\\' OR Name != \\''");
    expect(() => storedQuerySoql({ sobject: 'X__c', fields: ['Id FROM User--'] })).to.throw(/Not an API name/);
  });

  it('passes language changes down to the elements', async () => {
    const { provider, element } = await mount<SalesopsAttainment>('salesops-attainment', { userId: small.users.A });
    expect(element.shadowRoot?.querySelector('h2')?.textContent).to.equal('Attainment');
    provider.setAttribute('language', 'ja');
    await provider.updateComplete;
    await element.updateComplete;
    await element.loaded();
    expect(element.shadowRoot?.querySelector('h2')?.textContent).to.equal('達成率');
  });

  it('shows the error state without a data source', async () => {
    const element = document.createElement('salesops-attainment');
    document.body.append(element);
    await element.loaded();
    expect(element.state).to.equal('error');
    expect(element.shadowRoot?.textContent).to.contain('salesops-provider');
    element.remove();
  });
});
