/** Rewrites plugin/command-snapshot.json from the commands (npm run command-snapshot). */
import { writeFile } from 'node:fs/promises';
import { commandSnapshotText, snapshotPath } from './commandSnapshot.js';

await writeFile(snapshotPath, await commandSnapshotText());
console.log(`wrote ${snapshotPath}`);
