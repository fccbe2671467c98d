/** How one column of a terminal table is laid out. */
export interface TerminalColumn {
    readonly header: string;
    readonly align: 'left' | 'right';
    /** 1 is never left out; when the table is too wide, the column with the largest number goes first. */
    readonly priority: number;
    /** A cell wider than its column: `wrap` onto more lines, cut with `…` (`ellipsis`), or `never` (numbers). */
    readonly overflow: 'wrap' | 'ellipsis' | 'never';
    /** Narrowest a text column may get before it is left out instead (default MIN_TEXT_WIDTH, 24 for a priority-1 name). */
    readonly minWidth?: number;
    /** Colours a (wrapped) line of a cell; only called when colour is on. */
    readonly paint?: (text: string) => string;
}
export interface TerminalTable {
    readonly columns: readonly TerminalColumn[];
    /** Formatted cells, one array per row, in the order of `columns`. */
    readonly rows: ReadonlyArray<readonly string[]>;
    /** The totals row, shown under a rule. */
    readonly totals?: readonly string[];
}
export interface RenderedTable {
    readonly lines: string[];
    /** Headers of the columns left out to fit the width. */
    readonly dropped: string[];
}
/**
 * Lays a table out in `width` terminal cells (no limit when undefined): headers wrap first, then the text columns
 * that may wrap or be cut shrink, then the least important columns are left out, one at a time, until the table
 * fits. A number is never cut: a column whose overflow is `never` keeps its widest cell. Cost is linear in the
 * number of cells.
 */
export declare function renderTerminalTable(table: TerminalTable, options: {
    width?: number;
    colour: boolean;
    bold?: (s: string) => string;
}): RenderedTable;
//# sourceMappingURL=terminalTable.d.ts.map