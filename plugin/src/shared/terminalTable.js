import { displayWidth, ellipsize, printable, wrapText } from './displayWidth.js';
const GAP = '  ';
/** A wrapping or ellipsised text column is not made narrower than this (or its widest cell, when smaller). */
const MIN_TEXT_WIDTH = 12;
/** A priority-1 text column (the row's name) keeps this much before less important columns are left out. */
const KEY_TEXT_WIDTH = 24;
/** Words longer than this may be broken to wrap a column. */
const MAX_WORD = 32;
/**
 * Lays a table out in `width` terminal cells (no limit when undefined): headers wrap first, then the text columns
 * that may wrap or be cut shrink, then the least important columns are left out, one at a time, until the table
 * fits. A number is never cut: a column whose overflow is `never` keeps its widest cell. Cost is linear in the
 * number of cells.
 */
export function renderTerminalTable(table, options) {
    const rows = table.rows.map((row) => row.map(printable));
    const totals = table.totals?.map(printable);
    const measures = table.columns.map((c, i) => {
        let cells = 0;
        let cellWord = 0;
        const measure = (text) => {
            const w = displayWidth(text);
            cells = Math.max(cells, w);
            if (c.overflow === 'wrap' && cellWord < MAX_WORD && w > cellWord) {
                for (const word of text.split(' '))
                    cellWord = Math.max(cellWord, Math.min(MAX_WORD, displayWidth(word)));
            }
        };
        for (const row of rows)
            measure(row[i] ?? '');
        if (totals)
            measure(totals[i] ?? '');
        const words = c.header.split(' ').map(displayWidth);
        return { cells, header: displayWidth(c.header), headerWord: Math.max(0, ...words), cellWord };
    });
    const { active, widths } = fit(table.columns, measures, options.width);
    const paint = (column, text) => options.colour && column.paint && text !== '' ? column.paint(text) : text;
    const lines = [];
    const place = (line, j, text, styled) => {
        const column = active[j];
        const gap = Math.max(0, widths[j] - displayWidth(text));
        const last = j === active.length - 1;
        if (column.align === 'right')
            line += ' '.repeat(gap) + styled;
        else
            line += last ? styled : styled + ' '.repeat(gap);
        return last ? line : line + GAP;
    };
    const emit = (cells, style) => {
        // Most rows fit on one line: build it straight away, without the per-cell arrays of a wrapped row.
        let single = true;
        for (let j = 0; j < cells.length && single; j++) {
            const cell = cells[j];
            single = typeof cell === 'string' && displayWidth(cell) <= widths[j];
        }
        if (single) {
            let line = '';
            for (let j = 0; j < cells.length; j++) {
                const text = cells[j];
                line = place(line, j, text, style(active[j], text));
            }
            lines.push(line.trimEnd());
            return;
        }
        const split = cells.map((cell, j) => Array.isArray(cell) ? cell : fitCell(cell, active[j], widths[j]));
        const height = Math.max(1, ...split.map((s) => s.length));
        for (let k = 0; k < height; k++) {
            let line = '';
            for (let j = 0; j < split.length; j++) {
                const text = split[j]?.[k] ?? '';
                line = place(line, j, text, style(active[j], text));
            }
            lines.push(line.trimEnd());
        }
    };
    const bold = (_c, s) => (options.colour && options.bold && s !== '' ? options.bold(s) : s);
    const indices = active.map((c) => table.columns.indexOf(c));
    emit(active.map((c, j) => wrapText(c.header, widths[j])), bold);
    const rule = widths.map((w) => '─'.repeat(w)).join(GAP);
    lines.push(rule);
    for (const row of rows)
        emit(indices.map((i) => row[i] ?? ''), paint);
    if (totals) {
        lines.push(rule);
        emit(indices.map((i) => totals[i] ?? ''), bold);
    }
    return { lines, dropped: table.columns.filter((c) => !active.includes(c)).map((c) => c.header) };
}
/** A cell as the lines it takes in a column `width` wide. */
function fitCell(text, column, width) {
    if (column.overflow === 'never' || displayWidth(text) <= width)
        return [text];
    return column.overflow === 'wrap' ? wrapText(text, width) : [ellipsize(text, width)];
}
/** The columns kept and their widths. */
function fit(columns, measures, width) {
    let active = columns.map((_, i) => i);
    for (;;) {
        const widths = layout(active, columns, measures, width);
        if (widths)
            return { active: active.map((i) => columns[i]), widths };
        // Leave out the least important column that may go (the rightmost of equals); when none may, print as is.
        let drop = -1;
        for (const i of active) {
            const priority = columns[i].priority;
            if (priority > 1 && (drop === -1 || priority >= columns[drop].priority))
                drop = i;
        }
        if (drop === -1) {
            return {
                active: active.map((i) => columns[i]),
                widths: active.map((i) => minimumWidth(columns[i], measures[i])),
            };
        }
        active = active.filter((i) => i !== drop);
    }
}
/** Narrowest a column can be: a number's widest cell, a text column's minWidth (or its widest cell when smaller). */
function minimumWidth(column, m) {
    const least = column.minWidth ?? (column.priority === 1 ? KEY_TEXT_WIDTH : MIN_TEXT_WIDTH);
    const cells = column.overflow === 'never' ? m.cells : Math.max(Math.min(m.cells, least), m.cellWord);
    return Math.max(1, cells, m.headerWord);
}
/** Widths of the columns `active` within `width`, or null when even their narrowest layout is wider. */
function layout(active, columns, measures, width) {
    const natural = active.map((i) => Math.max(1, measures[i].cells, measures[i].header));
    if (width === undefined)
        return natural;
    const room = width - GAP.length * (active.length - 1);
    const sum = (ws) => ws.reduce((s, w) => s + w, 0);
    if (sum(natural) <= room)
        return natural;
    const minimum = active.map((i) => minimumWidth(columns[i], measures[i]));
    if (sum(minimum) > room)
        return null;
    // Start from the narrowest layout and give the room left back, most important columns first (numbers before
    // text of the same priority): a wrapped header unwraps, a cut name shows whole. Wrapping text columns of the
    // same priority share what is left evenly.
    const widths = [...minimum];
    let left = room - sum(widths);
    const order = active
        .map((i, j) => ({ j, column: columns[i] }))
        .sort((a, b) => a.column.priority - b.column.priority ||
        Number(a.column.overflow !== 'never') - Number(b.column.overflow !== 'never') ||
        a.j - b.j);
    for (const { j, column } of order) {
        if (column.overflow === 'wrap')
            continue;
        const add = Math.min(left, natural[j] - widths[j]);
        widths[j] = widths[j] + add;
        left -= add;
    }
    const growing = order.filter((o) => o.column.overflow === 'wrap').map((o) => o.j);
    while (left > 0) {
        const open = growing.filter((j) => widths[j] < natural[j]);
        if (open.length === 0)
            break;
        const share = Math.max(1, Math.floor(left / open.length));
        for (const j of open) {
            const add = Math.min(share, left, natural[j] - widths[j]);
            widths[j] = widths[j] + add;
            left -= add;
            if (left === 0)
                break;
        }
    }
    return widths;
}
//# sourceMappingURL=terminalTable.js.map