import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import ansis from 'ansis';
import { loginVisibility, orgDataObjects, type ReadObjectName } from '@salesops/core';
import {
  commandReadObjects,
  LOGIN_ACCESS_REQUESTS,
  readLoginAccess,
  readRequestEstimate,
  readVolumes,
} from '@salesops/org';
import { apiVersionFlag } from '../../../shared/commonFlags.js';
import { environmentLocale } from '../../../shared/formatValue.js';
import { withGlossary } from '../../../shared/glossary.js';
import { printTable } from '../../../shared/printTable.js';
import type { Column } from '../../../shared/resultTable.js';
import { visibilityWarning } from '../../../shared/dataWarnings.js';
import { CUSTOM_OBJECT_NAMES } from '../../../shared/packageObjects.js';
import { SalesopsCommand } from '../../../shared/salesopsCommand.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@salesops/plugin-salesops', 'salesops.org.check');

export type Finding = {
  check: string;
  status: 'ok' | 'warn' | 'error';
  detail: string;
  fix: string | null;
};

export type SalesopsOrgCheckResult = {
  username: string | null;
  instanceUrl: string;
  apiVersion: string;
  findings: Finding[];
  errors: number;
  warnings: number;
};

/** What the commands read (every object of OrgData but line items, which only `report` reads). */
const COMMAND_READ = commandReadObjects({ revops: true }).map((key) => orgDataObjects[key] as ReadObjectName);

/** A value put into a message. */
type Token = string | number;

/** The volumes the finding names. */
const VOLUME_SHOWN: readonly ReadObjectName[] = ['Opportunity', 'OpportunityHistory', 'Account', 'User'];

/** The findings table (shared/resultTable.ts): the status coloured in a terminal. */
const COLUMNS: Array<Column<Finding>> = [
  { key: 'check', kind: 'text', value: (f) => f.check, priority: 1, overflow: 'ellipsis' },
  {
    key: 'status',
    kind: 'text',
    value: (f) => f.status,
    priority: 1,
    paint: (s) => (s === 'ok' ? ansis.green(s) : s === 'warn' ? ansis.yellow(s) : ansis.red(s)),
  },
  { key: 'detail', kind: 'text', value: (f) => f.detail, priority: 1 },
  { key: 'fix', kind: 'text', value: (f) => f.fix ?? '', priority: 2 },
];

export default class OrgCheck extends SalesopsCommand<SalesopsOrgCheckResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = withGlossary(
    messages.getMessage('description'),
    COLUMNS.map((c) => c.term ?? c.key),
  );
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'target-org': Flags.requiredOrg({ char: 'o', summary: messages.getMessage('flags.target-org.summary') }),
    'api-version': apiVersionFlag,
  };

  public async run(): Promise<SalesopsOrgCheckResult> {
    const { flags } = await this.parse(OrgCheck);
    const org = flags['target-org'];
    const connection = org.getConnection(flags['api-version']);
    const username = org.getUsername() ?? null;
    const findings: Finding[] = [];
    const alias = username ?? 'ALIAS';
    /** A finding, its texts from messages: `check.<id>` (its name), `<id>.<status>` and `<id>.<status>.fix`. */
    const add = (id: string, status: Finding['status'], detail: Token[] = [], fix: Token[] | null = null) =>
      findings.push({
        check: messages.getMessage(`check.${id}`),
        status,
        detail: messages.getMessage(`${id}.${status}`, detail),
        fix: fix === null ? null : messages.getMessage(`${id}.${status}.fix`, fix),
      });

    this.spinner.start(messages.getMessage('spinner.Checking', [username ?? connection.instanceUrl]));
    const global = await connection.describeGlobal();
    const objects = new Map(global.sobjects.map((s) => [s.name, s]));

    const missing = CUSTOM_OBJECT_NAMES.filter((name) => !objects.has(name));
    if (missing.length === 0) add('packageObjects', 'ok', [CUSTOM_OBJECT_NAMES.length]);
    else add('packageObjects', 'error', [missing.join(', ')], [alias]);

    const notWritable = CUSTOM_OBJECT_NAMES.filter(
      (name) => objects.has(name) && !(objects.get(name)?.createable && objects.get(name)?.updateable),
    );
    if (missing.length < CUSTOM_OBJECT_NAMES.length) {
      if (notWritable.length === 0) add('writeback', 'ok');
      else add('writeback', 'error', [notWritable.join(', ')], [alias]);
    }

    const count = async (soql: string): Promise<number | null> => {
      try {
        return (await connection.query(soql)).totalSize;
      } catch {
        return null;
      }
    };

    if (username !== null) {
      const { access } = await readLoginAccess(connection, username);
      const [users, roles] = await Promise.all([
        connection.query<{ Id: string; UserRoleId: string | null }>('SELECT Id, UserRoleId FROM User', {
          autoFetch: true,
          maxFetch: 1_000_000,
        }),
        connection.query<{ Id: string; Name: string; ParentRoleId: string | null }>(
          'SELECT Id, Name, ParentRoleId FROM UserRole',
        ),
      ]);
      const warning = visibilityWarning(loginVisibility({ users: users.records, roles: roles.records }, access));
      if (warning === null) add('visibility', 'ok', [access.name]);
      else add('visibility', 'warn', [warning.message], []);
    }

    if (!objects.get('ForecastingQuota')?.queryable) add('quotas', 'warn', [], []);
    else {
      const quotas = (await count('SELECT COUNT() FROM ForecastingQuota')) ?? 0;
      if (quotas > 0) add('quotas', 'ok', [quotas]);
      else add('quotas', 'warn', [], []);
    }

    if (!objects.get('Territory2Model')?.queryable)
      add('territories', 'warn', [messages.getMessage('territories.off')], []);
    else {
      const active = (await count("SELECT COUNT() FROM Territory2Model WHERE State = 'Active'")) ?? 0;
      if (active === 1) add('territories', 'ok');
      else add('territories', 'warn', [messages.getMessage('territories.models', [active])], []);
    }

    if (objects.get('CurrencyType')?.queryable) {
      const currencies = await count('SELECT COUNT() FROM CurrencyType WHERE IsActive = true');
      const dated = objects.get('DatedConversionRate')?.queryable
        ? await count('SELECT COUNT() FROM DatedConversionRate')
        : 0;
      add('currencies', 'ok', [messages.getMessage('currencies.multi', [currencies ?? 0, dated ?? 0])]);
    } else add('currencies', 'ok', [messages.getMessage('currencies.single')]);

    // The requests a command's read makes, predicted exactly as the reader reads (readRequestEstimate), and the
    // look-up of the login's access that every command makes after the read (loadSnapshot).
    const volumes = await readVolumes(connection, COMMAND_READ);
    const needed = readRequestEstimate(volumes) + LOGIN_ACCESS_REQUESTS;
    const shown = VOLUME_SHOWN.map((o) => `${o} ${volumes.find((v) => v.sobject === o)?.count ?? '—'}`);
    add('volume', 'ok', [shown.join(', '), needed]);

    try {
      const limits = await connection.request<Record<string, { Max: number; Remaining: number }>>(
        `/services/data/v${connection.version}/limits`,
      );
      const daily = limits['DailyApiRequests'];
      if (daily) {
        const status = daily.Remaining < needed * 2 ? 'error' : daily.Remaining < daily.Max * 0.1 ? 'warn' : 'ok';
        add('headroom', status, [daily.Remaining, daily.Max, needed], status === 'ok' ? null : []);
      }
    } catch (e) {
      add('headroom', 'warn', [messages.getMessage('headroom.unreadable', [(e as Error).message])], []);
    }

    this.spinner.stop();
    const errors = findings.filter((f) => f.status === 'error').length;
    const warnings = findings.filter((f) => f.status === 'warn').length;
    if (!this.jsonEnabled()) {
      printTable(this, { columns: COLUMNS, rows: findings }, { currency: 'USD', locale: environmentLocale() });
    }
    this.log(
      errors + warnings === 0
        ? messages.getMessage('info.Ready')
        : messages.getMessage('info.Problems', [errors, warnings]) +
            (findings.some((f) => f.status === 'warn' && f.check === messages.getMessage('check.visibility'))
              ? ' ' + messages.getMessage('info.NotReadyVisibility')
              : ''),
    );
    // An org with an error is not ready: the findings are printed (and returned with --json), and the run exits 1.
    if (errors > 0) process.exitCode = 1;
    return {
      username,
      instanceUrl: connection.instanceUrl,
      apiVersion: connection.version,
      findings,
      errors,
      warnings,
    };
  }
}
