// Fails early, with the fix, when npm scripts run on a Node older than the project needs.
// The `node` devDependency puts Node 22 on the PATH of every npm script; this guards against
// running the tools directly with the machine's older Node.
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(
    `Node ${process.versions.node} is running, but this project needs Node 22 or newer.\n` +
      'Run the tools through npm (npm test, npm run demo): npm scripts use the Node 22 that `npm install` ' +
      'puts in node_modules/.bin. Run `npm install` first if node_modules is missing.',
  );
  process.exit(1);
}
