/**
 * Worker thread that runs scopes' Monte Carlo jobs for `monteCarloPool`. The shared arrays (the past ratios every
 * scope of a forecast draws from) arrive once as shared memory and are kept by key, so that the engine's once-per-array
 * copies (float64Once) are made once per thread, not once per job.
 */
import { parentPort } from 'node:worker_threads';
import { runMonteCarloJob, type MonteCarloJob } from '@salesops/core';
import type { JobReply, PostedJob, SharedNumbers } from './monteCarloPool.js';

const kept = new Map<number, Float64Array>();
const keep = (numbers: SharedNumbers | null): Float64Array | undefined => {
  if (!numbers) return undefined;
  const values = kept.get(numbers.key) ?? numbers.values;
  kept.set(numbers.key, values);
  return values;
};

parentPort?.on('message', ({ id, job, amountRatios, renewalRatios }: PostedJob) => {
  let reply: JobReply;
  try {
    const { uncertainty, renewals } = job;
    const ratios = keep(amountRatios);
    const renewalLawRatios = keep(renewalRatios);
    const restored: MonteCarloJob = {
      ...job,
      ...(uncertainty ? { uncertainty: { ...uncertainty, ...(ratios ? { amountRatios: ratios } : {}) } } : {}),
      ...(renewals?.law && renewalLawRatios
        ? { renewals: { ...renewals, law: { ...renewals.law, ratios: renewalLawRatios } } }
        : {}),
    };
    reply = { id, draws: runMonteCarloJob(restored) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
