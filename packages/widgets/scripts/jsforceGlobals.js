// Injected into the widgets' bundles (esbuild `inject`): the Node globals jsforce's sources and readable-stream
// use in the browser (`Buffer.byteLength`, `process.nextTick`), as jsforce's own webpack build provides them.
export { Buffer } from 'buffer';
export { default as process } from 'process/browser.js';
