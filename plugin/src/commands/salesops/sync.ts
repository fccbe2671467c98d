import { resolve } from 'node:path';
import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import { ManifestError, MirrorOrgError, NotAMirrorError, syncMirror } from '@salesops/org';
import { apiError } from '../../shared/apiError.js';
import { apiVersionFlag } from '../../shared/commonFlags.js';
import { environmentLocale } from '../../shared/formatValue.js';
import { withGlossary } from '../../shared/glossary.js';
import { printTable } from '../../shared/printTable.js';
import type { Column } from '../../shared/resultTable.js';
import { SalesopsCommand } from '../../shared/salesopsCommand.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@salesops/plugin-salesops', 'salesops.sync');

export type SalesopsSyncObject = {
  sobject: string;
  /** export (read whole), incremental (changes written as delta files), unchanged, or resumed (finished by an interrupted run). */
  mode: 'export' | 'incremental' | 'unchanged' | 'resumed';
  read: number;
  deleted: number;
  records: number;
  /** The org's clock when the object was read (UTC ISO); null for objects read whole every time. */
  mark: string | null;
};

export type SalesopsSyncResult = {
  /** The mirror's folder (absolute). */
  dir: string;
  organizationId: string;
  instanceUrl: string;
  apiVersion: string;
  /** The mirror's generation now current. */
  generation: string;
  syncedAt: string;
  safetyWindowMinutes: number;
  /** API requests made (retries included). */
  requests: number;
  objects: SalesopsSyncObject[];
  missingObjects: string[];
};

const COLUMNS: Array<Column<SalesopsSyncObject>> = [
  { key: 'sobject', kind: 'text', value: (o) => o.sobject, priority: 1 },
  { key: 'mode', term: 'syncMode', kind: 'text', value: (o) => o.mode, priority: 1 },
  { key: 'read', term: 'recordsRead', kind: 'count', value: (o) => o.read, priority: 1 },
  { key: 'deleted', term: 'recordsDeleted', kind: 'count', value: (o) => o.deleted, priority: 2 },
  { key: 'records', term: 'recordsMirrored', kind: 'count', value: (o) => o.records, priority: 1 },
];

export default class Sync extends SalesopsCommand<SalesopsSyncResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = withGlossary(
    messages.getMessage('description'),
    COLUMNS.map((c) => c.term ?? c.key),
  );
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'target-org': Flags.requiredOrg({ char: 'o', summary: messages.getMessage('flags.target-org.summary') }),
    'api-version': apiVersionFlag,
    to: Flags.directory({ summary: messages.getMessage('flags.to.summary'), required: true }),
    'safety-window': Flags.integer({
      summary: messages.getMessage('flags.safety-window.summary'),
      min: 0,
      max: 1440,
      default: 10,
    }),
    full: Flags.boolean({ summary: messages.getMessage('flags.full.summary'), default: false }),
  };

  public async run(): Promise<SalesopsSyncResult> {
    const { flags } = await this.parse(Sync);
    const org = flags['target-org'];
    const connection = org.getConnection(flags['api-version']);
    const dir = resolve(flags.to);
    const organizationId = org.getOrgId();
    const instanceUrl = connection.instanceUrl.replace(/\/+$/, '');
    this.spinner.start(messages.getMessage('spinner.Syncing', [org.getUsername() ?? connection.instanceUrl, dir]));
    let result;
    try {
      result = await syncMirror(connection, {
        dir,
        organizationId,
        instanceUrl,
        apiVersion: connection.version,
        safetyWindowSeconds: flags['safety-window'] * 60,
        full: flags.full,
      });
    } catch (e) {
      this.spinner.stop();
      if (e instanceof NotAMirrorError) throw messages.createError('error.NotAMirror', [e.dir]);
      if (e instanceof MirrorOrgError) throw messages.createError('error.OtherOrg', [e.dir, e.mirrored, e.target]);
      if (e instanceof ManifestError) throw messages.createError('error.BadManifest', [e.file, e.issues.join('; ')]);
      throw apiError(e, org);
    }
    this.spinner.stop();
    const objects = result.objects.map((o) => ({ ...o }));
    if (!this.jsonEnabled()) {
      let read = 0;
      let deleted = 0;
      let records = 0;
      for (const o of objects) {
        read += o.read;
        deleted += o.deleted;
        records += o.records;
      }
      const totals = { sobject: messages.getMessage('totals', [objects.length]), read, deleted, records };
      printTable(this, { columns: COLUMNS, rows: objects, totals }, { currency: 'USD', locale: environmentLocale() });
      this.log(
        messages.getMessage('info.Synced', [dir, organizationId, result.generation, read, deleted, result.requests]),
      );
      if (result.missingObjects.length > 0)
        this.log(messages.getMessage('info.Missing', [result.missingObjects.join(', ')]));
    }
    return {
      dir,
      organizationId,
      instanceUrl,
      apiVersion: connection.version,
      generation: result.generation,
      syncedAt: result.syncedAt,
      safetyWindowMinutes: flags['safety-window'],
      requests: result.requests,
      objects,
      missingObjects: [...result.missingObjects],
    };
  }
}
