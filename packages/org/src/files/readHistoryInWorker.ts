import { Worker } from 'node:worker_threads';
import { OpportunityHistoryTable, type OpportunityHistoryColumns } from '@salesops/core';
import { DataDirError } from './dataDirError.js';
import { unpackRunIds, type PackedRunIds } from './historyRunIds.js';

/** What the history worker posts back: the table's columns (the runs' Ids as bytes), or why it stopped. */
export type HistoryWorkerReply =
  | { readonly columns: Omit<OpportunityHistoryColumns, 'runIds'>; readonly runIds: PackedRunIds }
  | { readonly error: { message: string; file?: string; line?: number | undefined; column?: number | undefined } };

/** A history file being read in a worker thread. */
export interface HistoryRead {
  /**
   * The table, once read, its runs' Ids the `Id` strings of `deals` they name (the deals read in this thread: one
   * copy of each Id instead of two).
   */
  table(deals?: ReadonlyArray<{ readonly Id: string }>): Promise<OpportunityHistoryTable>;
  /** Stops the worker (when the read it belongs to has failed elsewhere). */
  stop(): Promise<void>;
}

/**
 * Reads `OpportunityHistory.csv` in a worker thread, so that on a machine with two or more cores the largest file of
 * an export is read while the main thread reads the others. Errors name file, line and column as the main thread's
 * reader names them. A worker that cannot run at all (its module fails to load, it dies) hands the read to
 * `readHere`, the same read in this thread.
 *
 * @example
 * const history = readHistoryInWorker('.sample-org/1000000/OpportunityHistory.csv', readHere);
 * data.opportunityHistory = await history.table(data.opportunities);
 */
export function readHistoryInWorker(
  file: string,
  readHere: () => Promise<OpportunityHistoryTable>,
  // The worker module as this module's package exports it: the TypeScript source when running from source (the
  // worker inherits the loader from the process's flags), the build otherwise.
  workerModule: URL = new URL(import.meta.resolve('@salesops/org/history-worker')),
): HistoryRead {
  const worker = new Worker(workerModule, { workerData: { file } });
  let settled = false; // answered, handed over, or stopped
  type Read = Exclude<HistoryWorkerReply, { error: unknown }> | OpportunityHistoryTable;
  const read = new Promise<Read>((resolve, reject) => {
    worker.once('message', (reply: HistoryWorkerReply) => {
      settled = true;
      if ('columns' in reply) resolve(reply);
      else {
        const { message, file: errorFile, line, column } = reply.error;
        reject(errorFile === undefined ? new Error(message) : new DataDirError(message, errorFile, line, column));
      }
    });
    const readInstead = () => {
      if (settled) return;
      settled = true;
      readHere().then(resolve, reject);
    };
    worker.once('error', readInstead);
    worker.once('exit', readInstead);
  });
  read.catch(() => undefined); // awaited by the caller; a read that fails elsewhere first stops the worker instead
  return {
    table: async (deals = []) => {
      const reply = await read;
      if (reply instanceof OpportunityHistoryTable) return reply;
      return OpportunityHistoryTable.fromColumns({ ...reply.columns, runIds: unpackRunIds(reply.runIds, deals) });
    },
    stop: async () => {
      settled = true;
      await worker.terminate();
    },
  };
}
