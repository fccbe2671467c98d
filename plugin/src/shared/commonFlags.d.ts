import { Messages } from '@salesforce/core';
declare const messages: Messages<string>;
export declare const RESULT_FORMATS: readonly ["table", "csv", "json", "markdown"];
export type ResultFormat = (typeof RESULT_FORMATS)[number];
/** `--api-version`: the API version of every request to the org (sf's own flag; default: the org's). */
export declare const apiVersionFlag: import("@oclif/core/interfaces").OptionFlag<string | undefined, import("@oclif/core/interfaces").CustomOptions>;
/** The flags every reading command takes (shared/design/cli.md). */
export declare const readingFlags: {
    'target-org': import("@oclif/core/interfaces").OptionFlag<import("@salesforce/core").Org, import("@oclif/core/interfaces").CustomOptions>;
    'api-version': import("@oclif/core/interfaces").OptionFlag<string | undefined, import("@oclif/core/interfaces").CustomOptions>;
    'data-dir': import("@oclif/core/interfaces").OptionFlag<string | undefined, import("@oclif/core/interfaces").CustomOptions>;
    period: import("@oclif/core/interfaces").OptionFlag<string, import("@oclif/core/interfaces").CustomOptions>;
    'as-of': import("@oclif/core/interfaces").OptionFlag<string | undefined, import("@oclif/core/interfaces").CustomOptions>;
    'result-format': import("@oclif/core/interfaces").OptionFlag<"csv" | "table" | "json" | "markdown", import("@oclif/core/interfaces").CustomOptions>;
    'output-file': import("@oclif/core/interfaces").OptionFlag<string | undefined, import("@oclif/core/interfaces").CustomOptions>;
};
export { messages as sharedMessages };
//# sourceMappingURL=commonFlags.d.ts.map