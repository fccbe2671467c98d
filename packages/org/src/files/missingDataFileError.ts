/** A `<SObject>.csv` the command needs is not in the data folder (nor in a tree plan): codes and data, no sentence. */
export class MissingDataFileError extends Error {
  override readonly name = 'MissingDataFileError';
  constructor(
    readonly sobject: string,
    /** The file that was looked for. */
    readonly file: string,
  ) {
    super(`${file} is missing`);
  }
}
