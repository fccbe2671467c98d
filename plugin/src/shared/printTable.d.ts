import type { SfCommand } from '@salesforce/sf-plugins-core';
import type { FormatOptions } from './formatValue.js';
import { type ResultTable } from './resultTable.js';
/**
 * Prints a result table for people: fitted to the terminal's width (terminalWidth), the columns left out named in
 * a one-line note on stderr, colour only when stdout is a terminal that shows it (ansis: NO_COLOR, FORCE_COLOR).
 */
export declare function printTable<R, T>(command: SfCommand<T>, table: ResultTable<R>, options: FormatOptions): void;
//# sourceMappingURL=printTable.d.ts.map