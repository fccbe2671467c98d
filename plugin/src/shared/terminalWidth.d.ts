/**
 * The width tables are fitted to: the terminal's when stdout is one; else `COLUMNS` when it is set to a number
 * (a pager, a test, a script that wants a width); else none — piped or redirected output is never wrapped, so a
 * program reading it gets whole rows.
 */
export declare function terminalWidth(stream?: {
    isTTY?: boolean;
    columns?: number;
}, env?: NodeJS.ProcessEnv): number | undefined;
//# sourceMappingURL=terminalWidth.d.ts.map