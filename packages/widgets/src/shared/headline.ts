import { html, nothing, type TemplateResult } from 'lit';

/**
 * The one headline figure of a card, in the style of Salesforce's home "Quarterly Performance": a large figure
 * (`data-figure` key for tests and admins' CSS) and a line or two of plain words under it.
 */
export function headline(key: string, figure: string, ...words: ReadonlyArray<string | null>): TemplateResult {
  return html`<div class="headline" part="headline">
    <p class="headline-figure" data-figure=${key}>${figure}</p>
    ${words.map((w) => (w === null ? nothing : html`<p class="headline-words">${w}</p>`))}
  </div>`;
}
