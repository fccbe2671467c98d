import { type FormatOptions, type ValueKind } from './formatValue.js';
/** One column of a result table. */
export interface Column<R> {
    /** JSON / CSV name (camelCase, as in metrics.md). */
    readonly key: string;
    /** The figure's name in plugin/messages/glossary.md (header and meaning), when it differs from `key`. */
    readonly term?: string;
    /** Tokens of the glossary header (`%s attainment`). */
    readonly headerTokens?: readonly string[];
    readonly kind: ValueKind;
    readonly value: (row: R) => string | number | null;
    /**
     * In a terminal too narrow for the whole table, columns go from the largest number to the smallest; 1 (the
     * default of the first column) never goes. Default 3.
     */
    readonly priority?: number;
    /** A text cell wider than its column: `wrap` (default) onto more lines or cut with `…`. Numbers never are. */
    readonly overflow?: 'wrap' | 'ellipsis';
    /** A text column narrower than this is left out instead (e.g. long evidence wrapped into a tall thin column). */
    readonly minWidth?: number;
    /** Colour of a cell's text, in a terminal table only (never in CSV, Markdown, JSON or a file). */
    readonly paint?: (text: string) => string;
}
/** The header people read for a column (from the glossary). */
export declare function columnHeader<R>(column: Column<R>): string;
export interface ResultTable<R> {
    readonly columns: ReadonlyArray<Column<R>>;
    readonly rows: readonly R[];
    /** A totals row (values by column key), shown last. */
    readonly totals?: Readonly<Record<string, string | number | null>>;
}
/** The table's cells as people read them (`$1,234`, `56.7%`, `—`), one array per row, and the totals row. */
export declare function formattedCells<R>(table: ResultTable<R>, options: FormatOptions): {
    rows: string[][];
    totals?: string[];
};
/**
 * CSV with the column keys as headers and plain values: no currency symbols or separators, ratios as fractions,
 * money rounded to the cent (core's `roundTo`, as the stored records are). Text that a spreadsheet would run as a
 * formula is neutralised (core's one CSV writer, `csvRow`).
 */
export declare function toCsv<R>(table: ResultTable<R>): string;
/** A Markdown table of the formatted values (pipes in values escaped), the totals row last. */
export declare function toMarkdown<R>(table: ResultTable<R>, options: FormatOptions): string;
//# sourceMappingURL=resultTable.d.ts.map