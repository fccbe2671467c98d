/**
 * Worker thread that reads `OpportunityHistory.csv` into table columns while the main thread reads the other files
 * (see `readHistoryInWorker`). Its columns come back as transferred buffers, not copies, the runs' deal Ids too.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { OpportunityHistoryTable } from '@salesops/core';
import { UnkeptTexts } from '../csv/sharedTexts.js';
import { bufferText } from './bufferText.js';
import { DataDirError } from './dataDirError.js';
import { packRunIds } from './historyRunIds.js';
import { readCsvObject } from './readCsvObject.js';
import type { HistoryWorkerReply } from './readHistoryInWorker.js';

const { file } = workerData as { file: string };
let reply: HistoryWorkerReply;
let transfer: ArrayBuffer[] = [];
try {
  // Its strings cannot be the main thread's: sharing them within the worker would only cost a table of every Id.
  const shared = new UnkeptTexts(bufferText);
  const table = (await readCsvObject(
    file,
    'opportunityHistory',
    'OpportunityHistory',
    shared,
    false,
  )) as OpportunityHistoryTable;
  const { runIds, ...columns } = table.columns();
  const packed = packRunIds(runIds);
  reply = { columns, runIds: packed };
  transfer = [
    packed.bytes,
    packed.ends,
    columns.runEnds,
    columns.createdMillis,
    columns.amounts,
    columns.probabilities,
    columns.stageCodes,
    columns.categoryCodes,
    columns.closeDateCodes,
  ].map((column) => column.buffer as ArrayBuffer);
} catch (e) {
  reply =
    e instanceof DataDirError
      ? { error: { message: e.message, file: e.file, line: e.line, column: e.column } }
      : { error: { message: e instanceof Error ? e.message : String(e) } };
}
parentPort?.postMessage(reply, transfer);
