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
    --_brand: var(--salesops-color-brand, #0b5cab);
    --_success: var(--salesops-color-success, #2e844a);
    --_warning: var(--salesops-color-warning, #8c4b02);
    --_error: var(--salesops-color-error, #ba0517);
    --_band: var(--salesops-color-band, rgba(11, 92, 171, 0.18));
    --_space: var(--salesops-spacing, 0.75rem);
    --_radius: var(--salesops-radius, 0.25rem);
    display: block;
    box-sizing: border-box;
    padding: var(--_space);
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
      'Noto Sans CJK SC',
      'Noto Sans JP',
      sans-serif
    );
    font-size: var(--salesops-font-size, 0.8125rem);
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  h2 {
    margin: 0 0 calc(var(--_space) / 2);
    font-size: var(--salesops-font-size-heading, 1rem);
    font-weight: 700;
  }
  .sub {
    margin: 0 0 var(--_space);
    color: var(--_weak);
  }
  .state {
    padding: var(--_space) 0;
    color: var(--_weak);
  }
  .state.error {
    color: var(--_error);
  }
  .state.no-permission {
    color: var(--_warning);
  }
  dl.figures {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
    gap: calc(var(--_space) / 2) var(--_space);
    margin: 0 0 var(--_space);
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
    font-size: 1.125rem;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .chart {
    position: relative;
    height: var(--salesops-chart-height, 12rem);
  }
  .chart canvas {
    display: block;
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
`;
