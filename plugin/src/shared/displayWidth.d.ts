/**
 * How many terminal cells a string takes, and how to fit text into a number of cells: East Asian wide and
 * full-width characters take two cells, combining marks and zero-width characters none. Plain ASCII (most cells of
 * most tables) takes the fast path.
 */
/**
 * Terminal cells `text` takes.
 *
 * @example
 * displayWidth('abc'); // 3
 * displayWidth('東京'); // 4
 */
export declare function displayWidth(text: string): number;
/** `text` cut to at most `width` cells, ending in `…` when cut. */
export declare function ellipsize(text: string, width: number): string;
/**
 * `text` broken into lines of at most `width` cells, at spaces where it can, inside a word only when the word
 * alone is wider than the line.
 *
 * @example
 * wrapText('pushed 3× (2026-10-01 → 2026-11-01)', 12); // ['pushed 3×', '(2026-10-01', '→', '2026-11-01)']
 */
export declare function wrapText(text: string, width: number): string[];
/**
 * `text` with control characters (ANSI escapes in a deal name, tabs, line breaks) shown as spaces or `�`, so a
 * value read from an org can never move the cursor or recolour the terminal.
 */
export declare function printable(text: string): string;
//# sourceMappingURL=displayWidth.d.ts.map