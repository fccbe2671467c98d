/**
 * CSV scanning of bytes held in memory, browser-safe (the Bulk API 2.0 reader's browser build includes it). Files are
 * streamed by `scanCsvFile` from `@salesops/csv/file` (Node only).
 */
export { CsvRow, CsvSyntaxError, scanCsvBytes, scanCsvChunk } from './parseCsv.js';
export { readCsvDigits, readCsvNumber } from './byteNumbers.js';
