/**
 * Work that can take more than a second shows sf's spinner on stderr (reading, backtesting, forecasting), and
 * nothing of it reaches the output with --json.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Config } from '@oclif/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateSampleOrg, SAMPLE_ANCHOR_DATE } from '@salesops/local-org';
import Forecast from './forecast.js';
import ForecastAccuracy from './forecast/accuracy.js';

const pluginRoot = join(import.meta.dirname, '../../..');
let dir: string;
let config: Config;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plugin-spinners-'));
  await generateSampleOrg({ outDir: dir, size: 'toy' });
  config = await Config.load(pluginRoot);
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

async function stderrOf(command: { run(argv: string[], config: Config): Promise<unknown> }, argv: string[]) {
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    await command.run([...argv, '--data-dir', dir, '--as-of', SAMPLE_ANCHOR_DATE], config);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return stderr;
}

describe('spinners', () => {
  it('shows the backtest, and keeps --json output clean', async () => {
    const shown = await stderrOf(ForecastAccuracy, ['--periods', '2']);
    expect(shown).toContain('Backtesting 2 periods at horizons 7, 30, 60 days');
    expect(await stderrOf(ForecastAccuracy, ['--periods', '2', '--json'])).not.toContain('Backtesting');
  });

  it('shows the Monte Carlo forecast', async () => {
    expect(await stderrOf(Forecast, ['--method', 'monteCarlo', '--simulations', '10000'])).toContain(
      'Forecasting (10000 Monte Carlo draws per scope)',
    );
  });
});
