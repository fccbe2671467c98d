/**
 * The component side of the frame-size protocol: the Visualforce page inside the iframe posts
 * { type: 'salesops:frame-height', height } whenever its content height changes
 * (packages/widgets/src/host/frameHeight.ts); a message is used only when it comes from that iframe's window and
 * from a Visualforce origin of this org's My Domain, and carries a sane height.
 */

/** The message type the page posts (the same string as FRAME_HEIGHT_MESSAGE in the widgets). */
export const FRAME_HEIGHT_MESSAGE = 'salesops:frame-height';

/** The tallest frame a message may ask for (a runaway page must not grow the record page without bound). */
export const MAX_FRAME_HEIGHT = 4000;

// Visualforce hosts of a My Domain: <mydomain>--<namespace or c>[.<kind or instance>].vf.force.com (enhanced
// domains: kind = sandbox, develop, scratch, patch, …), or the older …visualforce.com and ….visual.force.com.
const VISUALFORCE_REST = /^[a-z0-9_]+(?:\.[a-z0-9]+)?\.(?:vf\.force\.com|visualforce\.com|visual\.force\.com)$/;
const MY_DOMAIN = /^[a-z0-9-]+$/;

/**
 * True when `origin` is an https Visualforce origin of the My Domain the Lightning page runs on
 * (`acme.lightning.force.com` → `https://acme--c.vf.force.com`; a sandbox
 * `acme--uat.sandbox.lightning.force.com` → `https://acme--uat--c.sandbox.vf.force.com`).
 */
export function isVisualforceOrigin(origin, lightningHost) {
  let url;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const myDomain = String(lightningHost).toLowerCase().split('.')[0];
  if (url.protocol !== 'https:' || url.port !== '' || !MY_DOMAIN.test(myDomain)) return false;
  const host = url.hostname.toLowerCase();
  const prefix = `${myDomain}--`;
  return host.startsWith(prefix) && VISUALFORCE_REST.test(host.slice(prefix.length));
}

/**
 * The frame height a message asks for, or null when the message is to be ignored: not from `frameWindow`, not
 * from an allowed origin, not a frame-height message, or not a finite, non-negative number.
 */
export function frameHeightOf(event, frameWindow, isAllowedOrigin) {
  if (!frameWindow || event.source !== frameWindow) return null;
  if (!isAllowedOrigin(event.origin)) return null;
  const data = event.data;
  if (data === null || typeof data !== 'object' || data.type !== FRAME_HEIGHT_MESSAGE) return null;
  const height = data.height;
  if (typeof height !== 'number' || !Number.isFinite(height) || height < 0) return null;
  return Math.min(Math.ceil(height), MAX_FRAME_HEIGHT);
}
