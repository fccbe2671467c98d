import { svg, type SVGTemplateResult } from 'lit';

/**
 * The card icons, drawn like Lightning's standard icons (a white glyph on a coloured rounded square). Decorative:
 * the title beside each says what the card is. Colours are custom properties an admin can override.
 */
export type CardIcon = 'attainment' | 'leaderboard' | 'forecast' | 'territory' | 'deal';

const GLYPHS: Readonly<Record<CardIcon, SVGTemplateResult>> = {
  // a target
  attainment: svg`<circle cx="12" cy="12" r="6.5" fill="none" stroke="#fff" stroke-width="2"/>
    <circle cx="12" cy="12" r="2.5" fill="#fff"/>`,
  // a podium
  leaderboard: svg`<path fill="#fff" d="M9.5 7h5v11h-5zM5 11h4v7H5zM15 13h4v5h-4z"/>`,
  // a rising line
  forecast: svg`<path fill="none" stroke="#fff" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"
    d="M5 17l4.5-5 3.5 3 6-7"/>`,
  // a map pin
  territory: svg`<path fill="#fff" d="M12 4.5a5.5 5.5 0 0 0-5.5 5.5c0 4 5.5 9.5 5.5 9.5s5.5-5.5 5.5-9.5A5.5 5.5 0 0 0 12 4.5zm0 7.5a2 2 0 1 1 0-4 2 2 0 0 1 0 4z"/>`,
  // a heartbeat
  deal: svg`<path fill="none" stroke="#fff" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"
    d="M4 12.5h4l2-4 3.5 8 2-4H20"/>`,
};

export function cardIcon(icon: CardIcon): SVGTemplateResult {
  return svg`<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
    <rect width="24" height="24" rx="4" class="icon-bg icon-${icon}"/>${GLYPHS[icon]}</svg>`;
}
