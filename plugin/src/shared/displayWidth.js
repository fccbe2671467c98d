/**
 * How many terminal cells a string takes, and how to fit text into a number of cells: East Asian wide and
 * full-width characters take two cells, combining marks and zero-width characters none. Plain ASCII (most cells of
 * most tables) takes the fast path.
 */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Cells taken by one code point. */
function codePointWidth(cp) {
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
        return 0;
    if (cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0xfeff)
        return 0;
    if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0xfe00 && cp <= 0xfe0f))
        return 0;
    if ((cp >= 0x1100 && cp <= 0x115f) ||
        (cp >= 0x2e80 && cp <= 0x303e) ||
        (cp >= 0x3041 && cp <= 0x33ff) ||
        (cp >= 0x3400 && cp <= 0x4dbf) ||
        (cp >= 0x4e00 && cp <= 0x9fff) ||
        (cp >= 0xa000 && cp <= 0xa4cf) ||
        (cp >= 0xac00 && cp <= 0xd7a3) ||
        (cp >= 0xf900 && cp <= 0xfaff) ||
        (cp >= 0xfe30 && cp <= 0xfe4f) ||
        (cp >= 0xff00 && cp <= 0xff60) ||
        (cp >= 0xffe0 && cp <= 0xffe6) ||
        (cp >= 0x1f300 && cp <= 0x1f64f) ||
        (cp >= 0x1f900 && cp <= 0x1f9ff) ||
        (cp >= 0x20000 && cp <= 0x3fffd))
        return 2;
    return 1;
}
/**
 * Terminal cells `text` takes.
 *
 * @example
 * displayWidth('abc'); // 3
 * displayWidth('東京'); // 4
 */
export function displayWidth(text) {
    if (PRINTABLE_ASCII.test(text))
        return text.length;
    let width = 0;
    for (const ch of text)
        width += codePointWidth(ch.codePointAt(0) ?? 0);
    return width;
}
/** `text` cut to at most `width` cells, ending in `…` when cut. */
export function ellipsize(text, width) {
    if (displayWidth(text) <= width)
        return text;
    if (width <= 0)
        return '';
    let out = '';
    let used = 0;
    for (const ch of text) {
        const w = codePointWidth(ch.codePointAt(0) ?? 0);
        if (used + w > width - 1)
            break;
        out += ch;
        used += w;
    }
    return `${out.trimEnd()}…`;
}
/**
 * `text` broken into lines of at most `width` cells, at spaces where it can, inside a word only when the word
 * alone is wider than the line.
 *
 * @example
 * wrapText('pushed 3× (2026-10-01 → 2026-11-01)', 12); // ['pushed 3×', '(2026-10-01', '→', '2026-11-01)']
 */
export function wrapText(text, width) {
    if (displayWidth(text) <= width)
        return [text];
    const lines = [];
    let line = '';
    let used = 0;
    const flush = () => {
        lines.push(line);
        line = '';
        used = 0;
    };
    for (const word of text.split(' ')) {
        const w = displayWidth(word);
        if (used > 0 && used + 1 + w <= width) {
            line += ` ${word}`;
            used += 1 + w;
            continue;
        }
        if (used > 0)
            flush();
        if (w <= width) {
            line = word;
            used = w;
            continue;
        }
        for (const ch of word) {
            const cw = codePointWidth(ch.codePointAt(0) ?? 0);
            if (used + cw > width)
                flush();
            line += ch;
            used += cw;
        }
    }
    if (used > 0 || lines.length === 0)
        flush();
    return lines;
}
/**
 * `text` with control characters (ANSI escapes in a deal name, tabs, line breaks) shown as spaces or `�`, so a
 * value read from an org can never move the cursor or recolour the terminal.
 */
export function printable(text) {
    /* eslint-disable no-control-regex */
    return /[\x00-\x1f\x7f-\x9f]/.test(text)
        ? text.replace(/[\t\r\n]/g, ' ').replace(/[\x00-\x1f\x7f-\x9f]/g, '�')
        : text;
    /* eslint-enable no-control-regex */
}
//# sourceMappingURL=displayWidth.js.map