export * from './browser.js';
export * from './files/readDataDir.js';
export * from './files/readCompPlan.js';
export * from './files/readRevOpsPlan.js';
export * from './writeback/upsertRecords.js';
export * from './writeback/bulkUpsertRecords.js';
export * from './sync/syncMirror.js';
export { MANIFEST_FILE, ManifestError, parseManifest, SyncManifest, MirroredObject } from './sync/syncManifest.js';
export { NotAMirrorError } from './sync/mirrorDir.js';
