import { SalesopsCommand } from '../../shared/salesopsCommand.js';
export type SalesopsSyncObject = {
    sobject: string;
    /** export (read whole), incremental (changes merged), unchanged, or resumed (finished by an interrupted run). */
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
export default class Sync extends SalesopsCommand<SalesopsSyncResult> {
    static readonly summary: string;
    static readonly description: string;
    static readonly examples: string[];
    static readonly flags: {
        'target-org': import("@oclif/core/interfaces").OptionFlag<import("@salesforce/core").Org, import("@oclif/core/interfaces").CustomOptions>;
        'api-version': import("@oclif/core/interfaces").OptionFlag<string | undefined, import("@oclif/core/interfaces").CustomOptions>;
        to: import("@oclif/core/interfaces").OptionFlag<string, import("@oclif/core/interfaces").CustomOptions>;
        'safety-window': import("@oclif/core/interfaces").OptionFlag<number, import("@oclif/core/interfaces").CustomOptions>;
        full: import("@oclif/core/interfaces").BooleanFlag<boolean>;
    };
    run(): Promise<SalesopsSyncResult>;
}
//# sourceMappingURL=sync.d.ts.map