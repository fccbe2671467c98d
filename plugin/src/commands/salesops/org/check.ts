import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import ansis from 'ansis';
import { loginVisibility } from '@salesops/core';
import { readLoginAccess } from '@salesops/org';
import { visibilityWarning } from '../../../shared/dataWarnings.js';
import { CUSTOM_OBJECT_NAMES } from '../../../shared/packageObjects.js';

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

/** Records per REST query page: the minimum number of requests a full read needs. */
const PAGE_SIZE = 2000;

export default class OrgCheck extends SfCommand<SalesopsOrgCheckResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'target-org': Flags.requiredOrg({ char: 'o', summary: messages.getMessage('flags.target-org.summary') }),
  };

  public async run(): Promise<SalesopsOrgCheckResult> {
    const { flags } = await this.parse(OrgCheck);
    const org = flags['target-org'];
    const connection = org.getConnection();
    const username = org.getUsername() ?? null;
    const findings: Finding[] = [];
    const add = (check: string, status: Finding['status'], detail: string, fix: string | null = null) =>
      findings.push({ check, status, detail, fix });

    const global = await connection.describeGlobal();
    const objects = new Map(global.sobjects.map((s) => [s.name, s]));

    const missing = CUSTOM_OBJECT_NAMES.filter((name) => !objects.has(name));
    if (missing.length === 0)
      add('Package objects', 'ok', `all ${CUSTOM_OBJECT_NAMES.length} SalesOps objects are deployed`);
    else
      add(
        'Package objects',
        'error',
        `missing: ${missing.join(', ')}`,
        `sf project deploy start --source-dir force-app --target-org ${username ?? 'ALIAS'}`,
      );

    const notWritable = CUSTOM_OBJECT_NAMES.filter(
      (name) => objects.has(name) && !(objects.get(name)?.createable && objects.get(name)?.updateable),
    );
    if (missing.length < CUSTOM_OBJECT_NAMES.length) {
      if (notWritable.length === 0)
        add('Writeback permission', 'ok', 'the user can create and update the result objects');
      else
        add(
          'Writeback permission',
          'error',
          `the user cannot create or update ${notWritable.join(', ')}`,
          `sf org assign permset --name SalesOps_Admin --target-org ${username ?? 'ALIAS'}`,
        );
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
      if (warning === null) add('Visibility', 'ok', messages.getMessage('visibility.full', [access.name]));
      else add('Visibility', 'warn', warning.message, messages.getMessage('visibility.fix'));
    }

    if (!objects.get('ForecastingQuota')?.queryable) {
      add(
        'Forecasting quotas',
        'warn',
        'ForecastingQuota is not readable (Collaborative Forecasts off, or no access): quotas come from SalesOps_Quota__c',
        'Enable Collaborative Forecasts and give the user "View All Forecasts", or load quotas into SalesOps_Quota__c',
      );
    } else {
      const quotas = await count('SELECT COUNT() FROM ForecastingQuota');
      add(
        'Forecasting quotas',
        quotas && quotas > 0 ? 'ok' : 'warn',
        `${quotas ?? 0} ForecastingQuota records`,
        quotas && quotas > 0 ? null : 'Set quotas in Forecasts Settings, or load SalesOps_Quota__c',
      );
    }

    if (!objects.get('Territory2Model')?.queryable) {
      add(
        'Territories',
        'warn',
        'Enterprise Territory Management is off: territory coverage needs --territory-field',
        'Use sf salesops territory coverage --territory-field BillingCountry, or enable Enterprise Territory Management',
      );
    } else {
      const active = await count("SELECT COUNT() FROM Territory2Model WHERE State = 'Active'");
      add(
        'Territories',
        active === 1 ? 'ok' : 'warn',
        `${active ?? 0} active territory model(s)`,
        active === 1 ? null : 'Activate exactly one territory model, or use --territory-field',
      );
    }

    if (objects.get('CurrencyType')?.queryable) {
      const currencies = await count('SELECT COUNT() FROM CurrencyType WHERE IsActive = true');
      const dated = objects.get('DatedConversionRate')?.queryable
        ? await count('SELECT COUNT() FROM DatedConversionRate')
        : 0;
      add(
        'Currencies',
        'ok',
        `multi-currency: ${currencies ?? 0} active currencies, ${dated ?? 0} dated rates (amounts convert at the rate on each deal's close date)`,
      );
    } else {
      add('Currencies', 'ok', 'single currency');
    }

    const volumes: Array<[string, number | null]> = [];
    for (const object of ['Opportunity', 'OpportunityHistory', 'OpportunityLineItem', 'Account', 'User']) {
      volumes.push([object, objects.get(object)?.queryable ? await count(`SELECT COUNT() FROM ${object}`) : null]);
    }
    const needed =
      volumes.reduce((sum, [, n]) => sum + Math.max(1, Math.ceil((n ?? 0) / PAGE_SIZE)), 0) + volumes.length;
    add(
      'Data volume',
      'ok',
      volumes.map(([o, n]) => `${o} ${n ?? '—'}`).join(', ') + `; a full read takes about ${needed} API requests`,
    );

    try {
      const limits = await connection.request<Record<string, { Max: number; Remaining: number }>>(
        `/services/data/v${connection.version}/limits`,
      );
      const daily = limits['DailyApiRequests'];
      if (daily) {
        const status = daily.Remaining < needed * 2 ? 'error' : daily.Remaining < daily.Max * 0.1 ? 'warn' : 'ok';
        add(
          'API headroom',
          status,
          `${daily.Remaining} of ${daily.Max} daily API requests left; a full read needs about ${needed}`,
          status === 'ok'
            ? null
            : 'Wait for the 24-hour window to roll, read from --data-dir exports, or raise the allowance',
        );
      }
    } catch (e) {
      add(
        'API headroom',
        'warn',
        `/limits could not be read: ${(e as Error).message}`,
        'Give the user the "API Enabled" permission',
      );
    }

    const errors = findings.filter((f) => f.status === 'error').length;
    const warnings = findings.filter((f) => f.status === 'warn').length;
    const colour = (s: Finding['status']) =>
      s === 'ok' ? ansis.green(s) : s === 'warn' ? ansis.yellow(s) : ansis.red(s);
    this.table({
      data: findings.map((f) => ({ Check: f.check, Status: colour(f.status), Detail: f.detail, Fix: f.fix ?? '' })),
      columns: ['Check', 'Status', 'Detail', 'Fix'],
    });
    this.log(
      errors + warnings === 0
        ? 'The org is ready.'
        : `${errors} problem(s) to fix, ${warnings} warning(s).` +
            (findings.some((f) => f.check === 'Visibility' && f.status === 'warn')
              ? ' ' + messages.getMessage('visibility.notReady')
              : ''),
    );
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
