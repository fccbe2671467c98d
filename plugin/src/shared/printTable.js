import ansis from 'ansis';
import { pluralMessage } from './pluralMessage.js';
import { columnHeader, formattedCells } from './resultTable.js';
import { renderTerminalTable } from './terminalTable.js';
import { terminalWidth } from './terminalWidth.js';
/** Lines written to stdout in one call: a 100,000-row table goes out in 50 writes, not 100,000. */
const CHUNK = 2000;
/**
 * Prints a result table for people: fitted to the terminal's width (terminalWidth), the columns left out named in
 * a one-line note on stderr, colour only when stdout is a terminal that shows it (ansis: NO_COLOR, FORCE_COLOR).
 */
export function printTable(command, table, options) {
    const { rows, totals } = formattedCells(table, options);
    const width = terminalWidth();
    const colour = ansis.isSupported();
    const rendered = renderTerminalTable({
        columns: table.columns.map((c, i) => ({
            header: columnHeader(c),
            align: c.kind === 'text' ? 'left' : 'right',
            priority: c.priority ?? (i === 0 ? 1 : 3),
            overflow: c.kind === 'text' ? (c.overflow ?? 'wrap') : 'never',
            ...(c.paint ? { paint: c.paint } : {}),
            ...(c.minWidth ? { minWidth: c.minWidth } : {}),
        })),
        rows,
        ...(totals ? { totals } : {}),
    }, { ...(width === undefined ? {} : { width }), colour, bold: (s) => ansis.bold(s) });
    for (let i = 0; i < rendered.lines.length; i += CHUNK)
        command.log(rendered.lines.slice(i, i + CHUNK).join('\n'));
    if (rendered.dropped.length > 0) {
        command.logToStderr(pluralMessage('columnsLeftOut', rendered.dropped.length, [rendered.dropped.join(', '), String(width)]));
    }
}
//# sourceMappingURL=printTable.js.map