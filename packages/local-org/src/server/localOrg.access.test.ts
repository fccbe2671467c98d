/**
 * Who may read what in the local org, over real HTTP with jsforce 3, on the default sample org: auth, identity and
 * limits headers, role-hierarchy sharing, and describe.
 */
import { describe, expect, it } from 'vitest';
import { useDefaultSampleOrg, type Row } from './localOrgs.test.fixture.js';

const sample = useDefaultSampleOrg(['Opportunity', 'User', 'Account', 'UserRole', 'OpportunityHistory']);

describe('auth, identity and limits headers', () => {
  it('answers 401 INVALID_SESSION_ID for a bad or missing token', async () => {
    for (const headers of [{ Authorization: 'Bearer 00D000000000000AAA!nope' }, {} as Record<string, string>]) {
      const res = await fetch(`${sample.org.url}/services/data/v62.0/query?q=SELECT+Id+FROM+Account`, { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    }
    await expect(sample.connect('00D000000000000AAA!bad').query('SELECT Id FROM Account')).rejects.toMatchObject({
      errorCode: 'INVALID_SESSION_ID',
    });
  });

  it('lists versions without auth and answers userinfo and the User record for the token’s user', async () => {
    const versions = (await (await fetch(`${sample.org.url}/services/data`)).json()) as {
      version: string;
      url: string;
      label: string;
    }[];
    expect(versions.at(-1)).toEqual({ label: "Summer '25", url: '/services/data/v64.0', version: '64.0' });
    expect(versions.find((v) => v.version === '62.0')?.label).toBe("Winter '25");
    const rep = sample.org.tokens.users.find((u) => u.rep) as { token: string; userId: string; username: string };
    const info = (await (await sample.raw('/services/oauth2/userinfo', rep.token)).json()) as Record<string, unknown>;
    expect(info).toMatchObject({
      user_id: rep.userId,
      organization_id: sample.org.organizationId,
      preferred_username: rep.username,
      sub: `${sample.org.url}/id/${sample.org.organizationId}/${rep.userId}`,
    });
    expect(sample.org.tokens.admin).toMatch(/^00D\w{12,15}![.\w]*$/);
    const user = await sample.connect(rep.token).sobject('User').retrieve(rep.userId);
    expect(user).toMatchObject({ Id: rep.userId, Username: rep.username });
    const identity = await sample.connect(rep.token).identity();
    expect(identity.user_id).toBe(rep.userId);
  });

  it('sends Sforce-Limit-Info with a live count and /limits with the same numbers', async () => {
    const first = await sample.raw('/services/data/v62.0/limits');
    const used = Number(/api-usage=(\d+)\/15000/.exec(first.headers.get('sforce-limit-info') ?? '')?.[1]);
    expect(used).toBeGreaterThan(0);
    const body = (await first.json()) as { DailyApiRequests: { Max: number; Remaining: number } };
    expect(body.DailyApiRequests).toEqual({ Max: 15000, Remaining: 15000 - used });
    const second = await sample.raw('/services/data/v62.0/sobjects');
    expect(second.headers.get('sforce-limit-info')).toBe(`api-usage=${used + 1}/15000`);
  });
});

describe('sharing', () => {
  it('a rep sees only own opportunities and their history; a manager also the team’s; the admin all', async () => {
    const rep = sample.org.tokens.users.find(
      (u) => u.rep && (sample.csv['Opportunity'] as Row[]).some((o) => o['OwnerId'] === u.userId),
    );
    expect(rep).toBeDefined();
    const repConn = sample.connect(rep?.token as string);
    const own = (sample.csv['Opportunity'] as Row[]).filter((o) => o['OwnerId'] === rep?.userId);
    const seen = await repConn.query<{ Id: string; OwnerId: string }>('SELECT Id, OwnerId FROM Opportunity', {
      autoFetch: true,
      maxFetch: 10_000,
    });
    expect(seen.records.map((r) => r.Id)).toEqual(own.map((o) => o['Id']));
    const ownIds = new Set(own.map((o) => o['Id']));
    const history = await repConn.query('SELECT COUNT() FROM OpportunityHistory');
    expect(history.totalSize).toBe(
      (sample.csv['OpportunityHistory'] as Row[]).filter((h) => ownIds.has(h['OpportunityId'])).length,
    );
    const other = (sample.csv['Opportunity'] as Row[]).find((o) => o['OwnerId'] !== rep?.userId) as Row;
    await expect(repConn.sobject('Opportunity').retrieve(other['Id'] as string)).rejects.toMatchObject({
      errorCode: 'NOT_FOUND',
    });
    // Accounts are public read-only.
    expect((await repConn.query('SELECT COUNT() FROM Account')).totalSize).toBe(
      (sample.csv['Account'] as Row[]).length,
    );

    const roles = sample.csv['UserRole'] as Row[];
    const users = sample.csv['User'] as Row[];
    const repRole = users.find((u) => u['Id'] === rep?.userId)?.['UserRoleId'];
    const managerRole = roles.find((r) => r['Id'] === repRole)?.['ParentRoleId'];
    const manager = sample.org.tokens.users.find(
      (u) => users.find((x) => x['Id'] === u.userId)?.['UserRoleId'] === managerRole,
    );
    const team = new Set(
      users.filter((u) => u['UserRoleId'] === repRole || u['Id'] === manager?.userId).map((u) => u['Id']),
    );
    const managerCount = (await sample.connect(manager?.token as string).query('SELECT COUNT() FROM Opportunity'))
      .totalSize;
    expect(managerCount).toBe((sample.csv['Opportunity'] as Row[]).filter((o) => team.has(o['OwnerId'])).length);
    expect((await sample.admin.query('SELECT COUNT() FROM Opportunity')).totalSize).toBe(5000);
  });
});

describe('describe', () => {
  it('types every column the generator writes by the standard-object schema (no loading warning)', () => {
    expect(sample.org.warnings).toEqual([]);
  });

  it('answers the global describe and an object describe', async () => {
    const global = await sample.admin.describeGlobal();
    expect(global.sobjects.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Opportunity', 'OpportunityHistory', 'User']),
    );
    const opportunity = await sample.admin.describe('Opportunity');
    expect(opportunity).toMatchObject({ name: 'Opportunity', keyPrefix: '006', queryable: true, custom: false });
    const amount = opportunity.fields.find((f) => f.name === 'Amount');
    expect(amount).toMatchObject({ type: 'currency', soapType: 'xsd:double', nillable: true, createable: true });
    expect(opportunity.fields.find((f) => f.name === 'IsWon')).toMatchObject({ createable: false, updateable: false });
    expect(opportunity.fields.find((f) => f.name === 'OwnerId')).toMatchObject({
      type: 'reference',
      referenceTo: ['User'],
      relationshipName: 'Owner',
    });
    expect(opportunity.childRelationships.map((c) => c.relationshipName)).toContain('OpportunityLineItems');
    await expect(sample.admin.describe('Nope__c')).rejects.toMatchObject({ errorCode: 'NOT_FOUND' });
  });
});
