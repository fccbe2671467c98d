import { SfCommand } from '@salesforce/sf-plugins-core';
/** Names of errors that are bugs rather than bad input or an org's answer: their stack helps a bug report. */
const BUG_NAMES = new Set(['Error', 'TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'AssertionError']);
/**
 * A `--json` error as people and scripts should get it: a user error (bad input, bad flags, an org's refusal,
 * anything named by our messages) without the stack trace and the inspected cause, which show the toolkit's
 * internal paths and say nothing the message and actions do not. Bugs keep them. Results pass unchanged.
 *
 * @example
 * withoutInternals({ status: 1, name: 'BadPeriodError', message: '…', stack: 'at …' }); // no stack
 */
export function withoutInternals(json) {
    if (json === null || typeof json !== 'object' || !('stack' in json))
        return json;
    const { name, status } = json;
    // Exit code 2 is oclif's bad-flag error (named plain `Error`): user input, not a bug.
    if (status === 0 || (status !== 2 && typeof name === 'string' && BUG_NAMES.has(name)))
        return json;
    const copy = { ...json };
    delete copy['stack'];
    delete copy['cause'];
    return copy;
}
/**
 * The base of every `sf salesops` command: an SfCommand whose `--json` errors are cleaned by
 * {@link withoutInternals}, and whose `--json` envelope is plain JSON whenever stdout is not a terminal. The
 * Salesforce CLI colours JSON when colour is forced (FORCE_COLOR, as many CI systems set it), which breaks
 * `sf … --json | jq` and files; on a terminal it keeps sf's colours.
 */
export class SalesopsCommand extends SfCommand {
    logJson(json) {
        const cleaned = withoutInternals(json);
        if (process.stdout.isTTY)
            super.logJson(cleaned);
        else
            process.stdout.write(`${JSON.stringify(cleaned, null, 2)}\n`);
    }
}
//# sourceMappingURL=salesopsCommand.js.map