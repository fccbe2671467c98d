import { css } from 'lit';

/**
 * Shared look: Lightning Design System spacing, type and colours through CSS custom properties an admin can
 * override on the element or any ancestor (`salesops-attainment { --salesops-color-brand: #5a1ba9; }`).
 * Default text and accent colours meet WCAG AA contrast (≥ 4.5:1) on the default background.
 */
export const baseStyles = css`
  :host {
    --_bg: var(--salesops-color-background, #ffffff);
    --_text: var(--salesops-color-text, #181818);
    --_weak: var(--salesops-color-text-weak, #444444);
    --_border: var(--salesops-color-border, #c9c9c9);
    /* Chart lines and shapes that carry meaning: ≥ 3:1 against the background (WCAG 1.4.11). */
    --_graphic: var(--salesops-color-graphic, #747474);
    --_brand: var(--salesops-color-brand, #0b5cab);
    --_success: var(--salesops-color-success, #2e844a);
    --_warning: var(--salesops-color-warning, #8c4b02);
    --_error: var(--salesops-color-error, #ba0517);
    --_band: var(--salesops-color-band, rgba(11, 92, 171, 0.18));
    --_space: var(--salesops-spacing, 1rem);
    --_radius: var(--salesops-radius, 0.25rem);
    /* Lightning's card: the host is the card; the elements inside respond to its width, not the page's. */
    container: salesops-card / inline-size;
    display: block;
    box-sizing: border-box;
    min-width: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font-family: var(
      --salesops-font-family,
      -apple-system,
      'Segoe UI',
      system-ui,
      Roboto,
      'Helvetica Neue',
      Arial,
      'Noto Sans',
      'Noto Sans CJK JP',
      'Noto Sans CJK SC',
      sans-serif
    );
    font-size: var(--salesops-font-size, 0.8125rem);
    line-height: 1.5;
    /* A word too long for a narrow column breaks instead of overflowing it. */
    overflow-wrap: break-word;
  }
  :host([hidden]) {
    display: none;
  }
  .card {
    padding: var(--_space);
  }
  .card-header {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    margin: 0 0 calc(var(--_space) * 0.75);
  }
  .card-icon {
    display: inline-flex;
    flex: none;
  }
  .icon-bg {
    fill: var(--salesops-icon-background, var(--_brand));
  }
  h2 {
    margin: 0;
    min-width: 0;
    font-size: var(--salesops-font-size-heading, 1rem);
    font-weight: 700;
    line-height: 1.25;
  }
  h3 {
    margin: var(--_space) 0 0.25rem;
    font-size: 0.8125rem;
    font-weight: 700;
  }
  p {
    margin: 0;
  }
  .sub {
    color: var(--_weak);
  }
  .footer {
    margin-top: calc(var(--_space) * 0.75);
    font-size: 0.75rem;
  }
  .state {
    padding: calc(var(--_space) / 2) 0;
    color: var(--_weak);
  }
  .state.error {
    color: var(--_error);
  }
  .state.no-permission {
    color: var(--_warning);
  }
  .headline {
    margin: 0 0 calc(var(--_space) * 0.75);
  }
  .headline-figure {
    font-size: 1.75rem;
    font-weight: 700;
    line-height: 1.2;
    font-variant-numeric: tabular-nums;
  }
  .headline-words {
    font-size: 0.875rem;
  }
  .headline-words + .headline-words {
    color: var(--_weak);
  }
  dl.figures {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(7.5rem, 1fr));
    gap: 0.25rem var(--_space);
    margin: 0 0 calc(var(--_space) * 0.75);
  }
  dl.figures div {
    min-width: 0;
  }
  dt {
    color: var(--_weak);
    font-size: 0.75rem;
  }
  dd {
    margin: 0;
    font-size: 0.875rem;
    font-variant-numeric: tabular-nums;
  }
  .chart {
    position: relative;
    height: var(--salesops-chart-height, 10rem);
    min-width: 0;
  }
  .chart canvas {
    display: block;
    max-width: 100%;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
    border: 0;
  }
  table.data {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  table.data th,
  table.data td {
    padding: 0.25rem 0.5rem;
    border-bottom: 1px solid var(--_border);
    text-align: start;
  }
  table.data td.num,
  table.data th.num {
    text-align: end;
  }
  /* A name longer than its column breaks (a table's columns otherwise grow to the longest word). */
  table.data th[scope='row'] {
    overflow-wrap: anywhere;
  }
  ul.list {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  button {
    font: inherit;
    color: var(--_brand);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.25rem 0.75rem;
    cursor: pointer;
  }
  button:focus-visible,
  [tabindex]:focus-visible {
    outline: 2px solid var(--_brand);
    outline-offset: 2px;
  }
  @container salesops-card (max-width: 22rem) {
    .card {
      padding: calc(var(--_space) * 0.75);
    }
    .headline-figure {
      font-size: 1.5rem;
    }
  }
`;
