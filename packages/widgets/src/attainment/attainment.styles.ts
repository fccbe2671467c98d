import { css } from 'lit';

export const attainmentStyles = css`
  .layout {
    display: grid;
    grid-template-columns: minmax(8rem, 12rem) 1fr;
    gap: var(--_space);
    align-items: center;
  }
  .gauge {
    height: var(--salesops-gauge-height, 7rem);
  }
  .gauge-value {
    position: absolute;
    inset: auto 0 0.25rem 0;
    text-align: center;
    font-size: 1.25rem;
    font-weight: 700;
  }
  @media (max-width: 30rem) {
    .layout {
      grid-template-columns: 1fr;
    }
  }
`;
