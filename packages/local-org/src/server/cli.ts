/**
 * `npm run local-org -- --data-dir DIR | --size toy|default|N [--seed 42] [--port N] [--today YYYY-MM-DD]`
 *
 * Starts the local org and prints its URL and tokens. The tokens are fake sessions of a local development server
 * (they open nothing but this process), so printing them is fine.
 */
import { parseArgs } from 'node:util';
import { start } from './localOrg.js';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    size: { type: 'string' },
    seed: { type: 'string' },
    port: { type: 'string' },
    today: { type: 'string' },
    'api-version': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(
    'Usage: npm run local-org -- --data-dir DIR | --size toy|default|N [--seed 42] [--port 0] [--today YYYY-MM-DD] [--api-version 64.0]',
  );
  process.exit(0);
}

const size = values.size ?? (values['data-dir'] ? undefined : 'toy');
const org = await start({
  dataDir: values['data-dir'],
  sample:
    size === undefined
      ? undefined
      : {
          size: size === 'toy' || size === 'default' ? size : Number(size),
          seed: values.seed ? Number(values.seed) : 42,
        },
  port: values.port ? Number(values.port) : 0,
  today: values.today,
  apiVersion: values['api-version'],
});

for (const warning of org.warnings) console.warn(`warning: ${warning}`);
const admin = org.tokens.users.find((u) => u.admin);
console.log(`Local org listening on ${org.url}`);
console.log(`Admin token (${admin?.name ?? 'admin'}, ${admin?.username ?? ''}): ${org.tokens.admin}`);
for (const user of org.tokens.users) {
  if (!user.admin) console.log(`  ${user.rep ? 'rep    ' : 'manager'} ${user.name} <${user.username}>: ${user.token}`);
}
console.log(
  `Try: SF_ACCESS_TOKEN='${org.tokens.admin}' sf org login access-token --instance-url ${org.url} --no-prompt`,
);

const shutdown = (): void => {
  void org.stop().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
