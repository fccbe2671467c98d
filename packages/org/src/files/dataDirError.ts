/** A data-dir file that cannot be read: names the file, line and column, and the fix. */
export class DataDirError extends Error {
  override readonly name = 'DataDirError';
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    /** 1-based column (CSV field position, or character in a JSON file). */
    readonly column?: number,
  ) {
    super(message);
  }
}
