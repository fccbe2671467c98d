/**
 * The page side of the frame-size protocol with the `salesopsWidget` Lightning web component: a Visualforce page
 * inside the component's iframe posts its content height to the parent whenever it changes, and the component
 * (force-app/main/default/lwc/salesopsWidget/frameHeight.js) sizes the iframe after checking the message's origin
 * and source, so nothing scrolls inside the frame.
 *
 * The message carries a height only (no data, no session), so it is posted to any origin: the Visualforce page cannot
 * know the Lightning origin, and the receiver does the checking.
 */

/** `type` of the message; the component checks the same string. */
export const FRAME_HEIGHT_MESSAGE = 'salesops:frame-height';

/** What the page posts to its parent. */
export interface FrameHeightMessage {
  readonly type: typeof FRAME_HEIGHT_MESSAGE;
  /** The page's content height in CSS pixels (whole pixels, rounded up). */
  readonly height: number;
}

/**
 * Posts the body's height to the parent window now and after every size change; returns a function that stops.
 * Does nothing when the page is not inside a frame.
 */
export function startFrameHeightSender(win: Window = window): () => void {
  if (win.parent === win) return () => undefined;
  const body = win.document.body;
  let last = -1;
  const post = () => {
    const height = Math.ceil(body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    const message: FrameHeightMessage = { type: FRAME_HEIGHT_MESSAGE, height };
    win.parent.postMessage(message, '*');
  };
  const observer = new ResizeObserver(post);
  observer.observe(body);
  post();
  return () => observer.disconnect();
}
