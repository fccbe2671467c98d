/** Escapes text for HTML element content and attribute values (and SVG, which the HTML inlines). */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * Escapes text for Markdown: a backslash before each character Markdown (CommonMark, GFM tables) would read as
 * syntax or inline HTML, never an HTML entity (`team's` stays `team's`, `<b>` becomes `\<b\>`).
 */
export function escapeMarkdown(value: string): string {
  return value.replaceAll(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`).replaceAll(/\s*\n\s*/g, ' ');
}
