/**
 * The one source of every figure's name and meaning (plugin/messages/glossary.md, keyed by the metric's name as in
 * metrics.md): table headers, the GLOSSARY section of each command's `--help`, and whatever else explains a figure.
 */
/** The header people read for a figure, e.g. `wape` → `WAPE` (each entry is a list: header, then meaning). */
export declare function glossaryHeader(term: string, tokens?: readonly string[]): string;
/** What a figure means, in one sentence. */
export declare function glossaryMeaning(term: string): string;
/**
 * The GLOSSARY section a command's `--help` shows under its description: each term's header and meaning, in the
 * order of the table's columns, each term once.
 *
 * @example
 * withGlossary('Compare reps.', ['quota']); // 'Compare reps.\n\nGLOSSARY\n  Quota — The quota for the period …'
 */
export declare function withGlossary(description: string, terms: readonly string[]): string;
//# sourceMappingURL=glossary.d.ts.map