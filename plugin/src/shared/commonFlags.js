import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@salesops/plugin-salesops', 'shared');
export const RESULT_FORMATS = ['table', 'csv', 'json', 'markdown'];
/** `--api-version`: the API version of every request to the org (sf's own flag; default: the org's). */
export const apiVersionFlag = Flags.orgApiVersion({ summary: messages.getMessage('flags.api-version.summary') });
/** The flags every reading command takes (shared/design/cli.md). */
export const readingFlags = {
    // One source: an org or a folder of files, never both (oclif refuses the pair with exit code 2).
    'target-org': Flags.optionalOrg({
        char: 'o',
        summary: messages.getMessage('flags.target-org.summary'),
        exclusive: ['data-dir'],
    }),
    'api-version': apiVersionFlag,
    'data-dir': Flags.directory({
        char: 'd',
        exists: true,
        summary: messages.getMessage('flags.data-dir.summary'),
        exclusive: ['target-org'],
    }),
    period: Flags.string({ char: 'p', default: 'current', summary: messages.getMessage('flags.period.summary') }),
    'as-of': Flags.string({ summary: messages.getMessage('flags.as-of.summary') }),
    'result-format': Flags.option({
        char: 'r',
        options: RESULT_FORMATS,
        default: 'table',
        summary: messages.getMessage('flags.result-format.summary'),
    })(),
    'output-file': Flags.file({ summary: messages.getMessage('flags.output-file.summary') }),
};
export { messages as sharedMessages };
//# sourceMappingURL=commonFlags.js.map