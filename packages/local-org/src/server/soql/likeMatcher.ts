/**
 * SOQL LIKE in linear time, without a backtracking RegExp: `%` matches any run of characters (runs of `%` collapse),
 * `_` exactly one, `\` escapes the next character; case-insensitive, as Salesforce compares. The pattern is split
 * on `%`: the first segment must match at the start, the last at the end, the ones between are found left to
 * right, each at its earliest place (which is always the right choice when segments have fixed lengths).
 *
 * @example likeMatcher('acme%inc_')('ACME Widgets Inc.') // true
 */

/** A segment between `%`s: characters (lower-cased) and `_` wildcards (null). */
type Segment = readonly (string | null)[];

/** The pattern's segments between unescaped `%`s (one more than there are `%`s; empty ones where `%`s meet). */
function segmentsOf(pattern: string): Segment[] {
  const segments: Segment[] = [];
  let current: (string | null)[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\' && i + 1 < pattern.length) current.push(fold(pattern[++i] as string));
    else if (c === '%') {
      segments.push(current);
      current = [];
    } else current.push(c === '_' ? null : fold(c));
  }
  segments.push(current);
  return segments;
}

/** One UTF-16 unit lower-cased (kept as is when lower-casing would change its length). */
function fold(unit: string): string {
  const lower = unit.toLowerCase();
  return lower.length === 1 ? lower : unit;
}

/** The text lower-cased unit by unit, so positions stay those of the text. */
function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (let i = 0; i < text.length; i++) out += fold(text[i] as string);
  return out;
}

function matchesAt(text: string, at: number, segment: Segment): boolean {
  if (at + segment.length > text.length) return false;
  for (let j = 0; j < segment.length; j++) {
    const want = segment[j];
    if (want !== null && text[at + j] !== want) return false;
  }
  return true;
}

/** The earliest place at or after `from` where the segment matches, or -1. */
function find(text: string, from: number, segment: Segment): number {
  if (!segment.includes(null)) return text.indexOf(segment.join(''), from);
  for (let at = from; at + segment.length <= text.length; at++) if (matchesAt(text, at, segment)) return at;
  return -1;
}

/** Compiles a LIKE pattern to a test over text. */
export function likeMatcher(pattern: string): (text: string) => boolean {
  const segments = segmentsOf(pattern);
  const head = segments[0] as Segment;
  if (segments.length === 1) return (text) => text.length === head.length && matchesAt(foldText(text), 0, head);
  const tail = segments[segments.length - 1] as Segment;
  // Runs of `%` leave empty segments between them: they match anywhere, so they go.
  const middle = segments.slice(1, -1).filter((s) => s.length > 0);
  const minLength = segments.reduce((n, s) => n + s.length, 0);
  return (raw) => {
    if (raw.length < minLength) return false;
    const text = foldText(raw);
    const end = text.length - tail.length;
    if (!matchesAt(text, 0, head) || !matchesAt(text, end, tail)) return false;
    let from = head.length;
    for (const segment of middle) {
      const at = find(text, from, segment);
      if (at < 0 || at + segment.length > end) return false;
      from = at + segment.length;
    }
    return true;
  };
}
