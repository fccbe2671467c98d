import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runMonteCarloJob, type MonteCarloForecast, type MonteCarloJob, type MonteCarloRunner } from '@salesops/core';

/**
 * Open deals (and contracts due) the jobs must add up to before threads start: a thread takes about a tenth of a
 * second to load the engine, more than a few thousand deals' draws take here.
 */
const START_AFTER_DEALS = 20_000;
/** More threads than this stop paying: the planning in this thread is then the longer part. */
const MAX_THREADS = 8;

/** A shared array of numbers, copied to a worker once and not with every job (the past ratios every scope draws). */
export interface SharedNumbers {
  readonly key: number;
  readonly values: Float64Array;
}

/** What a worker is sent: the job without its shared arrays, which come as `SharedNumbers`. */
export interface PostedJob {
  readonly id: number;
  readonly job: MonteCarloJob;
  readonly amountRatios: SharedNumbers | null;
  readonly renewalRatios: SharedNumbers | null;
}

export type JobReply =
  { readonly id: number; readonly draws: MonteCarloForecast } | { readonly id: number; readonly error: string };

export interface MonteCarloPool {
  /** Runs a job in a worker thread once the jobs are large enough to pay for the threads, else here. */
  readonly run: MonteCarloRunner;
  /**
   * Starts the threads now, before any job, when the org's `deals` reach the threshold: they then load the engine
   * while this thread plans the jobs (the first scope's plan holds the once-per-snapshot work), not after it.
   */
  startFor(deals: number): void;
  /** How many jobs a thread ran so far (the others ran here). */
  readonly jobsInThreads: number;
  /** Stops the threads. */
  close(): Promise<void>;
}

interface Pending {
  readonly job: MonteCarloJob;
  readonly cost: number;
  readonly resolve: (draws: MonteCarloForecast) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
  load: number;
  alive: boolean;
}

/**
 * Worker threads for the scopes' Monte Carlo draws (`computeForecastWith`): each job goes to the thread with the
 * fewest deals waiting. Every job draws from its own seeded stream, so where it runs does not change its figures.
 * A thread that cannot start or dies hands its jobs back to this thread, which runs them itself.
 *
 * @example
 * const pool = monteCarloPool();
 * try { report = await computeForecastWith(pool.run, snapshot, options); } finally { await pool.close(); }
 */
export function monteCarloPool({
  threads = Math.min(MAX_THREADS, availableParallelism()),
  startAfterDeals = START_AFTER_DEALS,
  workerModule,
}: { threads?: number; startAfterDeals?: number; workerModule?: URL } = {}): MonteCarloPool {
  const slots: Slot[] = [];
  const shared = new WeakMap<object, SharedNumbers>();
  let deals = 0;
  let nextId = 0;
  let jobsInThreads = 0;

  const share = (values: ArrayLike<number> | undefined): SharedNumbers | null => {
    if (!values || values.length === 0) return null;
    let numbers = shared.get(values);
    if (!numbers) {
      const copy = new Float64Array(new SharedArrayBuffer(values.length * Float64Array.BYTES_PER_ELEMENT));
      copy.set(values);
      numbers = { key: nextId++, values: copy };
      shared.set(values, numbers);
    }
    return numbers;
  };

  const settle = (slot: Slot, id: number): Pending | undefined => {
    const pending = slot.pending.get(id);
    if (!pending) return undefined;
    slot.pending.delete(id);
    slot.load -= pending.cost;
    // An idle thread must not keep the process alive; one with jobs must, or their results would never arrive.
    if (slot.pending.size === 0) slot.worker.unref();
    return pending;
  };

  const handBack = (slot: Slot): void => {
    if (!slot.alive) return;
    slot.alive = false;
    for (const id of [...slot.pending.keys()]) {
      const pending = settle(slot, id) as Pending;
      runHere(pending.job).then(pending.resolve, pending.reject);
    }
  };

  const start = (): void => {
    // The worker module as the plugin's package exports it: the TypeScript source when running from source (the
    // worker inherits the loader from the process's flags), the build otherwise.
    const module = workerModule ?? new URL(import.meta.resolve('@salesops/plugin-salesops/monte-carlo-worker'));
    for (let t = 0; t < threads; t++) {
      const slot: Slot = { worker: new Worker(module), pending: new Map(), load: 0, alive: true };
      slot.worker.unref();
      slot.worker.on('message', (reply: JobReply) => {
        const pending = settle(slot, reply.id);
        if (!pending) return;
        jobsInThreads++;
        if ('draws' in reply) pending.resolve(reply.draws);
        else pending.reject(new Error(reply.error));
      });
      slot.worker.once('error', () => handBack(slot));
      slot.worker.once('exit', () => handBack(slot));
      slots.push(slot);
    }
  };

  /** Starts the threads unless they run or cannot; false when no thread can run here. */
  const started = (): boolean => {
    if (threads < 2) return false;
    if (slots.length > 0) return true;
    try {
      start();
      return true;
    } catch {
      threads = 0; // no thread can run here: every job runs in this thread
      return false;
    }
  };

  const run: MonteCarloRunner = (job) => {
    const cost = job.amounts.length + (job.renewals?.amounts.length ?? 0);
    deals += cost;
    if (threads < 2 || (slots.length === 0 && deals < startAfterDeals)) return runHere(job);
    if (!started()) return runHere(job);
    let slot: Slot | undefined;
    for (const s of slots) if (s.alive && (!slot || s.load < slot.load)) slot = s;
    if (!slot) return runHere(job);
    const id = nextId++;
    const posted: PostedJob = {
      id,
      job: withoutSharedArrays(job),
      amountRatios: share(job.uncertainty?.amountRatios),
      renewalRatios: share(job.renewals?.law?.ratios),
    };
    const chosen = slot;
    return new Promise<MonteCarloForecast>((resolve, reject) => {
      chosen.pending.set(id, { job, cost, resolve, reject });
      chosen.load += cost;
      chosen.worker.ref();
      chosen.worker.postMessage(posted);
    });
  };

  return {
    run,
    startFor: (expected) => {
      if (expected >= startAfterDeals) started();
    },
    get jobsInThreads() {
      return jobsInThreads;
    },
    close: async () => {
      for (const slot of slots) slot.alive = false;
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}

function runHere(job: MonteCarloJob): Promise<MonteCarloForecast> {
  try {
    return Promise.resolve(runMonteCarloJob(job));
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/** The job with its shared arrays left out (posted as `SharedNumbers` beside it). */
function withoutSharedArrays(job: MonteCarloJob): MonteCarloJob {
  const { uncertainty, renewals } = job;
  return {
    ...job,
    ...(uncertainty ? { uncertainty: { ...uncertainty, amountRatios: [] } } : {}),
    ...(renewals?.law ? { renewals: { ...renewals, law: { ...renewals.law, ratios: [] } } } : {}),
  };
}
