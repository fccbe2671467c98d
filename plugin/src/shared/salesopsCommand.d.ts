import { SfCommand } from '@salesforce/sf-plugins-core';
/**
 * A `--json` error as people and scripts should get it: a user error (bad input, bad flags, an org's refusal,
 * anything named by our messages) without the stack trace and the inspected cause, which show the toolkit's
 * internal paths and say nothing the message and actions do not. Bugs keep them. Results pass unchanged.
 *
 * @example
 * withoutInternals({ status: 1, name: 'BadPeriodError', message: '…', stack: 'at …' }); // no stack
 */
export declare function withoutInternals(json: unknown): unknown;
/**
 * The base of every `sf salesops` command: an SfCommand whose `--json` errors are cleaned by
 * {@link withoutInternals}, and whose `--json` envelope is plain JSON whenever stdout is not a terminal. The
 * Salesforce CLI colours JSON when colour is forced (FORCE_COLOR, as many CI systems set it), which breaks
 * `sf … --json | jq` and files; on a terminal it keeps sf's colours.
 */
export declare abstract class SalesopsCommand<T> extends SfCommand<T> {
    logJson(json: Parameters<SfCommand<T>['logJson']>[0]): void;
}
//# sourceMappingURL=salesopsCommand.d.ts.map