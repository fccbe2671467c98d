import { css } from 'lit';

export const attainmentStyles = css`
  .layout {
    display: grid;
    grid-template-columns: minmax(6rem, 9rem) minmax(0, 1fr);
    gap: var(--_space);
    align-items: center;
    margin-bottom: calc(var(--_space) * 0.75);
  }
  .gauge {
    height: var(--salesops-gauge-height, 5rem);
  }
  .headline {
    margin: 0;
  }
  .advice {
    margin-top: 0.25rem;
    font-weight: 700;
  }
  .scope {
    margin-bottom: 0.5rem;
  }
  @container salesops-card (max-width: 20rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
    .gauge {
      max-width: 10rem;
    }
  }
`;
