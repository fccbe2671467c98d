import { html, type TemplateResult } from 'lit';

/** One labelled figure: its `data-figure` key (for tests and admins' CSS), its label and its formatted value. */
export type Figure = readonly [key: string, label: string, value: string];

/** The figures of an element as a description list (`<dl class="figures">`), one `<dt>`/`<dd>` pair per figure. */
export function figureList(figures: readonly Figure[]): TemplateResult {
  return html`<dl class="figures">
    ${figures.map(
      ([key, label, value]) =>
        html`<div>
          <dt>${label}</dt>
          <dd data-figure=${key}>${value}</dd>
        </div>`,
    )}
  </dl>`;
}
