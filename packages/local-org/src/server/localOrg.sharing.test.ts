/**
 * Who reads which stored result, with the package's real force-app metadata (Private objects, the sharingRules
 * folder): a rep reads the scorecard the rep owns, not a peer's; the manager above reads both through the role
 * hierarchy; everyone reads team, territory and leaderboard records, which the criteria-based rules share.
 */
import { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type LocalOrg } from './localOrg.js';
import type { LocalOrgUserToken } from './sessions.js';

let org: LocalOrg;
const connect = (token: string) => new Connection({ instanceUrl: org.url, accessToken: token, version: '62.0' });
const period = { Period_Label__c: 'FY2026-Q4', Period_Start__c: '2026-10-01', Period_End__c: '2026-12-31' };
const common = { ...period, As_Of__c: '2026-11-16', Run_Id__c: 'run-1' };

let rep: LocalOrgUserToken;
let peer: LocalOrgUserToken;
let manager: LocalOrgUserToken;

beforeAll(async () => {
  org = await start({ sample: { size: 'toy', seed: 42 } });
  const users = org.tokens.users;
  const reps = users.filter((u) => u.rep);
  const team = (u: LocalOrgUserToken) => (u.role ?? '').replace(/ (Account Executive|Sales Manager).*$/, '');
  rep = reps[0] as LocalOrgUserToken;
  peer = reps.find((u) => u !== rep && team(u) === team(rep)) as LocalOrgUserToken;
  manager = users.find((u) => !u.rep && !u.admin && team(u) === team(rep)) as LocalOrgUserToken;
  const admin = connect(org.tokens.admin);
  const scorecard = (u: LocalOrgUserToken) => ({
    ...common,
    Key__c: `scorecard|FY2026-Q4|${u.userId}`,
    Rep__c: u.userId,
    OwnerId: u.userId,
    Closed_Won__c: 1,
    Open_Pipeline__c: 0,
    Pipeline_Created__c: 0,
  });
  const forecast = (type: string, id: string) => ({
    ...common,
    Key__c: `forecast|FY2026-Q4|${type}|${id}`,
    Scope_Type__c: type,
    Scope_Id__c: id,
    Method__c: 'auto',
    Closed_Won__c: 1,
  });
  for (const [sobject, records] of [
    ['SalesOps_Rep_Scorecard__c', [scorecard(rep), scorecard(peer)]],
    [
      'SalesOps_Forecast__c',
      [{ ...forecast('Rep', rep.userId), OwnerId: rep.userId }, forecast('Team', 'role-1'), forecast('Org', 'org')],
    ],
    [
      'SalesOps_Leaderboard__c',
      [{ ...common, Key__c: 'leaderboard|FY2026-Q4|g|1', Peer_Group_Key__c: 'g', Position__c: 1, Closed_Won__c: 1 }],
    ],
  ] as const) {
    const saved = await admin.sobject(sobject).create([...records] as Array<Record<string, unknown>>);
    expect(saved.every((r) => r.success)).toBe(true);
  }
});

afterAll(async () => {
  await org?.stop();
});

async function keys(token: string, sobject: string): Promise<string[]> {
  const result = await connect(token).query<{ Key__c: string }>(`SELECT Key__c FROM ${sobject} ORDER BY Key__c`);
  return result.records.map((r) => r.Key__c);
}

describe('stored results under the package sharing model', () => {
  it('a rep reads the scorecard the rep owns, not a peer’s; the manager reads both', async () => {
    expect(await keys(rep.token, 'SalesOps_Rep_Scorecard__c')).toEqual([`scorecard|FY2026-Q4|${rep.userId}`]);
    expect(await keys(peer.token, 'SalesOps_Rep_Scorecard__c')).toEqual([`scorecard|FY2026-Q4|${peer.userId}`]);
    expect(await keys(manager.token, 'SalesOps_Rep_Scorecard__c')).toEqual(
      [rep, peer].map((u) => `scorecard|FY2026-Q4|${u.userId}`).sort(),
    );
  });

  it('team and org forecasts and leaderboard rows are read by every viewer; a rep forecast only by its rep', async () => {
    for (const viewer of [rep, manager]) {
      expect(await keys(viewer.token, 'SalesOps_Leaderboard__c')).toEqual(['leaderboard|FY2026-Q4|g|1']);
    }
    expect(await keys(peer.token, 'SalesOps_Forecast__c')).toEqual([
      'forecast|FY2026-Q4|Org|org',
      'forecast|FY2026-Q4|Team|role-1',
    ]);
    expect(await keys(rep.token, 'SalesOps_Forecast__c')).toHaveLength(3);
  });

  it('a shared record stays read-only for a user who does not own it', async () => {
    const [row] = (await connect(rep.token).query<{ Id: string }>('SELECT Id FROM SalesOps_Leaderboard__c')).records;
    const update = await connect(rep.token)
      .sobject('SalesOps_Leaderboard__c')
      .update([{ Id: row?.Id as string, Position__c: 2 }]);
    expect(update[0]).toMatchObject({ success: false });
  });
});
