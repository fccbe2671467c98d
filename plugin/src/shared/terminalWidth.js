/**
 * The width tables are fitted to: the terminal's when stdout is one; else `COLUMNS` when it is set to a number
 * (a pager, a test, a script that wants a width); else none — piped or redirected output is never wrapped, so a
 * program reading it gets whole rows.
 */
export function terminalWidth(stream = process.stdout, env = process.env) {
    const fromEnv = Number(env['COLUMNS']);
    if (stream.isTTY)
        return stream.columns && stream.columns > 0
            ? stream.columns
            : Number.isInteger(fromEnv) && fromEnv > 0
                ? fromEnv
                : 80;
    return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : undefined;
}
//# sourceMappingURL=terminalWidth.js.map