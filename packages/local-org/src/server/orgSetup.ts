/**
 * What every org has, added when a data folder lacks it: the Organization record and an admin user (the user at the
 * top of the role hierarchy).
 */
import { toCaseSafeId } from '../sample-data/salesforceId.js';
import type { OrgStore, Table } from './data/orgStore.js';
import type { StoredRecord } from './data/values.js';

/** The user at the top of the role hierarchy (the first active user without a parent role), else the first user. */
export function findAdmin(store: OrgStore): StoredRecord | undefined {
  const users = (store.table('User')?.records ?? []).filter((u) => u['IsDeleted'] !== true);
  const roles = new Map((store.table('UserRole')?.records ?? []).map((r) => [String(r['Id']).slice(0, 15), r]));
  const top = users.find((u) => {
    const role = typeof u['UserRoleId'] === 'string' ? roles.get(u['UserRoleId'].slice(0, 15)) : undefined;
    return u['IsActive'] !== false && role !== undefined && (role['ParentRoleId'] ?? null) === null;
  });
  return top ?? users.find((u) => u['IsActive'] !== false) ?? users[0];
}

function blankRecord(table: Table): StoredRecord {
  const record: StoredRecord = {};
  for (const f of table.entry.schema.fields) record[f.name] = f.type === 'boolean' ? false : null;
  return record;
}

/** The org's Organization record, created (Local Org, America/Los_Angeles, calendar fiscal year) when missing. */
export function ensureOrganization(store: OrgStore): StoredRecord {
  const table = store.table('Organization') as Table;
  const existing = table.records.at(0);
  if (existing) return existing;
  const record = Object.assign(blankRecord(table), {
    Id: toCaseSafeId('00D5f0000000001'),
    Name: 'Local Org',
    TimeZoneSidKey: 'America/Los_Angeles',
    FiscalYearStartMonth: 1,
    UsesStartDateAsFiscalYearName: false,
    DefaultCurrencyIsoCode: 'USD',
    IsSandbox: false,
    OrganizationType: 'Developer Edition',
  });
  store.add(table, record);
  return record;
}

/** The admin (see {@link findAdmin}), created (Local Admin) when the org has no user. */
export function ensureAdmin(store: OrgStore): StoredRecord {
  const found = findAdmin(store);
  if (found) return found;
  const table = store.table('User') as Table;
  const record = Object.assign(blankRecord(table), {
    Id: store.newId('User'),
    Name: 'Local Admin',
    FirstName: 'Local',
    LastName: 'Admin',
    Username: 'admin@local-org.dev',
    Email: 'admin@local-org.dev',
    IsActive: true,
    LanguageLocaleKey: 'en_US',
    LocaleSidKey: 'en_US',
  });
  store.add(table, record);
  return record;
}
