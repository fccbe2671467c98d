/**
 * The frame-size protocol between a widget page (the sender, host/frameHeight.ts) and the Lightning web component
 * that frames it (the receiver, force-app/main/default/lwc/salesopsWidget/frameHeight.js), in real Chromium with a
 * real cross-origin iframe: the frame follows the page's height; messages from another origin, from another frame
 * of the right origin, or that are not height messages are ignored.
 */
import { expect } from 'chai';
import { FRAME_HEIGHT_MESSAGE } from './frameHeight.js';

interface Receiver {
  FRAME_HEIGHT_MESSAGE: string;
  MAX_FRAME_HEIGHT: number;
  isVisualforceOrigin(origin: string, lightningHost: string): boolean;
  frameHeightOf(
    event: MessageEvent,
    frameWindow: Window | null,
    isAllowedOrigin: (o: string) => boolean,
  ): number | null;
}

// The component's module is plain JavaScript in force-app (no types): loaded at run time.
const RECEIVER = '/force-app/main/default/lwc/salesopsWidget/frameHeight.js';
const PAGE = '/packages/widgets/src/testing/framedPage.html';

/** The test page's origin with the other loopback name: a different origin on the same server. */
function otherOrigin(): string {
  const url = new URL(location.href);
  url.hostname = url.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
  return url.origin;
}

function frame(src: string): HTMLIFrameElement {
  const iframe = document.createElement('iframe');
  iframe.src = src;
  iframe.style.border = '0';
  document.body.append(iframe);
  return iframe;
}

/** Resolves when `predicate` holds, checked on each animation frame (rejects after `ms`). */
async function until(predicate: () => boolean, ms = 10_000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => requestAnimationFrame(r));
  }
}

describe('frame-size protocol (page → Lightning web component)', () => {
  let receiver: Receiver;
  const frames: HTMLIFrameElement[] = [];
  let listener: ((event: MessageEvent) => void) | undefined;

  /** The widget frame, sized as the component sizes it, and every message the host window receives. */
  function host(src: string, allowedOrigin: string) {
    const widget = frame(src);
    frames.push(widget);
    const seen: MessageEvent[] = [];
    listener = (event: MessageEvent) => {
      seen.push(event);
      const height = receiver.frameHeightOf(event, widget.contentWindow, (origin) => origin === allowedOrigin);
      if (height !== null) widget.style.height = `${height}px`;
    };
    window.addEventListener('message', listener);
    return { widget, seen };
  }

  before(async () => {
    receiver = (await import(RECEIVER)) as Receiver;
  });

  afterEach(() => {
    if (listener) window.removeEventListener('message', listener);
    for (const f of frames.splice(0)) f.remove();
  });

  it('posts the same message type the component listens for', () => {
    expect(receiver.FRAME_HEIGHT_MESSAGE).to.equal(FRAME_HEIGHT_MESSAGE);
  });

  it('sizes the frame to the page and follows it when the page grows', async () => {
    const origin = otherOrigin();
    const { widget } = host(`${origin}${PAGE}?height=180&then=420`, origin);
    await until(() => widget.style.height === '420px');
    expect(widget.getBoundingClientRect().height).to.equal(420);
  });

  it('ignores the page when its origin is not the allowed one', async () => {
    const origin = otherOrigin();
    const { widget, seen } = host(`${origin}${PAGE}?height=300`, 'https://acme--c.vf.force.com');
    await until(() => seen.some((e) => e.data?.type === FRAME_HEIGHT_MESSAGE));
    expect(widget.style.height).to.equal('');
  });

  it('ignores height messages from another frame of the allowed origin and from the host itself', async () => {
    const origin = otherOrigin();
    const { widget, seen } = host(`${origin}${PAGE}?height=0&then=250`, origin);
    await until(() => widget.style.height === '250px');
    const intruder = frame(`${origin}${PAGE}?height=900&spoof=1`);
    frames.push(intruder);
    await until(() => seen.some((e) => e.source === intruder.contentWindow));
    window.postMessage({ type: FRAME_HEIGHT_MESSAGE, height: 700 }, '*');
    await until(() => seen.some((e) => e.source === window));
    expect(widget.style.height).to.equal('250px');
  });

  it('takes only finite, non-negative heights, capped', () => {
    const source = window;
    const allowed = () => true;
    const heightOf = (data: unknown) =>
      receiver.frameHeightOf(new MessageEvent('message', { data, origin: 'x', source }), source, allowed);
    expect(heightOf({ type: FRAME_HEIGHT_MESSAGE, height: 200.2 })).to.equal(201);
    expect(heightOf({ type: FRAME_HEIGHT_MESSAGE, height: 1e9 })).to.equal(receiver.MAX_FRAME_HEIGHT);
    for (const height of [-1, Number.NaN, Infinity, '300', null]) {
      expect(heightOf({ type: FRAME_HEIGHT_MESSAGE, height }), String(height)).to.equal(null);
    }
    expect(heightOf({ type: 'other', height: 100 })).to.equal(null);
    expect(heightOf('salesops:frame-height')).to.equal(null);
  });

  it("accepts only https Visualforce origins of the Lightning page's own My Domain", () => {
    const ok = (origin: string, host = 'acme.lightning.force.com') => receiver.isVisualforceOrigin(origin, host);
    expect(ok('https://acme--c.vf.force.com')).to.equal(true);
    expect(ok('https://acme--salesops.vf.force.com')).to.equal(true);
    expect(ok('https://acme--uat--c.sandbox.vf.force.com', 'acme--uat.sandbox.lightning.force.com')).to.equal(true);
    expect(ok('https://acme--c.develop.vf.force.com', 'acme.develop.lightning.force.com')).to.equal(true);
    expect(ok('https://acme--c.visualforce.com')).to.equal(true);
    expect(ok('https://acme--c.na1.visual.force.com')).to.equal(true);
    for (const origin of [
      'http://acme--c.vf.force.com', // not https
      'https://acme--c.vf.force.com:8443', // a port
      'https://evil--c.vf.force.com', // another org's My Domain
      'https://acme--c.vf.force.com.evil.example', // a look-alike suffix
      'https://acme.lightning.force.com', // the Lightning origin itself
      'https://acmex--c.vf.force.com',
      'https://x.acme--c.vf.force.com',
      'null',
      '',
    ]) {
      expect(ok(origin), origin).to.equal(false);
    }
  });
});
