/**
 * Error codes instead of server text: a user without API access, without the permission set, or in an org without
 * the API sees a translated message that names the permission set that fixes it (error paths: failing clients).
 */
import { expect } from 'chai';
import { SessionExpiredError } from '@salesops/org/browser';
import { NoPermissionError } from '../data/client.js';
import { bodyState, cleanup, expectAccessible, failingClient, mount, small } from '../testing/helpers.js';
import { MissingClientError, WIDGET_PERMISSION_SET, widgetErrorOf } from './widgetError.js';
import type { SalesopsLeaderboard } from '../leaderboard/leaderboard.js';

const salesforceError = (errorCode: string, message: string) => Object.assign(new Error(message), { errorCode });

describe('widget error codes', () => {
  afterEach(cleanup);

  it('maps Salesforce errors to codes, with the permission set that fixes them', () => {
    expect(widgetErrorOf(salesforceError('API_CURRENTLY_DISABLED', 'API is disabled for this User'))).to.deep.equal({
      code: 'apiDisabled',
      permissionSet: 'SalesOps_Rep',
    });
    expect(widgetErrorOf(salesforceError('INSUFFICIENT_ACCESS', 'insufficient access rights'))).to.deep.equal({
      code: 'noPermission',
      permissionSet: 'SalesOps_Rep',
    });
    expect(widgetErrorOf(new NoPermissionError('x')).code).to.equal('noPermission');
    expect(
      widgetErrorOf(salesforceError('API_DISABLED_FOR_ORG', 'API is not enabled for this Organization')),
    ).to.deep.equal({ code: 'apiDisabledForOrg', permissionSet: null });
    expect(widgetErrorOf(new SessionExpiredError()).code).to.equal('sessionExpired');
    expect(widgetErrorOf(new MissingClientError()).code).to.equal('noClient');
    expect(widgetErrorOf(new Error('HTTP 500')).code).to.equal('failed');
  });

  for (const [language, words] of [
    ['en', 'assign you the SalesOps_Rep permission set'],
    ['ja', '権限セット SalesOps_Rep'],
    ['de', 'Berechtigungssatz SalesOps_Rep'],
  ] as const) {
    it(`API_CURRENTLY_DISABLED: the no-permission state names ${WIDGET_PERMISSION_SET} (${language}), not the server text`, async () => {
      const { element } = await mount<SalesopsLeaderboard>('salesops-leaderboard', {
        client: failingClient(salesforceError('API_CURRENTLY_DISABLED', 'API is disabled for this User')),
        userId: small.users.A,
        language,
      });
      expect(bodyState(element)).to.equal('no-permission');
      const text = element.shadowRoot?.querySelector('.state')?.textContent ?? '';
      expect(text).to.contain(words);
      expect(text).to.not.contain('API is disabled for this User');
      await expectAccessible(element);
    });
  }

  it('a missing permission set: the no-permission state names it', async () => {
    const { element } = await mount<SalesopsLeaderboard>('salesops-leaderboard', {
      client: failingClient(salesforceError('INSUFFICIENT_ACCESS', 'insufficient access rights on object id')),
      userId: small.users.A,
      language: 'zh_CN',
    });
    expect(bodyState(element)).to.equal('no-permission');
    expect(element.shadowRoot?.querySelector('.state')?.textContent).to.contain('SalesOps_Rep 权限集');
  });

  it('an org without the API: a translated error, no permission set to ask for', async () => {
    const { element } = await mount<SalesopsLeaderboard>('salesops-leaderboard', {
      client: failingClient(salesforceError('API_DISABLED_FOR_ORG', 'API is not enabled for this Organization')),
      userId: small.users.A,
      language: 'zh_TW',
    });
    expect(bodyState(element)).to.equal('error');
    const text = element.shadowRoot?.querySelector('.state')?.textContent ?? '';
    expect(text).to.contain('API 存取');
    expect(text).to.not.contain('Organization');
  });
});
