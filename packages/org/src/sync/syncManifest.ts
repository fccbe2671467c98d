/**
 * The manifest of a mirror (`salesops-sync.json`, inside each generation of the mirror): which org it copies, and per
 * object its file, columns, record count and high-water mark. Never a token: the caller's login gives access.
 */
import { z } from 'zod';

export const MANIFEST_FILE = 'salesops-sync.json';

const isoDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/, 'a UTC ISO datetime');

export const MirroredObject = z
  .object({
    file: z.string().describe('The CSV file of the object, `<SObject>.csv`, in the --data-dir layout'),
    columns: z
      .array(z.string())
      .min(1)
      .describe('Its columns, Id first: the fields the commands read that the org exposes'),
    markField: z
      .enum(['SystemModstamp', 'CreatedDate'])
      .nullable()
      .describe(
        'Field of the high-water mark: SystemModstamp, CreatedDate for append-only objects without it, null when the object is read whole every time',
      ),
    mark: isoDateTime
      .nullable()
      .describe('Highest markField value (or tombstone SystemModstamp) seen; null before any'),
    records: z
      .number()
      .int()
      .nonnegative()
      .describe('Records of the object: in the file, or in the base file and its delta files'),
    createdMax: isoDateTime
      .optional()
      .describe(
        "The latest CreatedDate of the base file's records, or later: a record created after it is not in the file",
      ),
    delta: z
      .object({
        changes: z.number().int().nonnegative().describe('Records in `<SObject>.changes.csv`'),
        removed: z.number().int().nonnegative().describe('Ids in `<SObject>.removed.csv`'),
        createdMax: isoDateTime.optional().describe("The latest CreatedDate of the changes file's records, or later"),
      })
      .strict()
      .optional()
      .describe('The delta files beside the base file (docs/sync.md); absent when the base file holds every record'),
  })
  .strict();
export type MirroredObject = z.infer<typeof MirroredObject>;

export const SyncManifest = z
  .object({
    format: z.literal(1).describe('Version of this manifest format'),
    organizationId: z
      .string()
      .regex(/^00D[0-9A-Za-z]{12}([0-9A-Za-z]{3})?$/)
      .describe('The org the mirror copies'),
    instanceUrl: z.string().url().describe('Its instance URL when the mirror was last synced'),
    apiVersion: z
      .string()
      .regex(/^\d+\.\d$/)
      .describe('API version of the last sync'),
    syncedAt: isoDateTime.describe("When the last sync committed (this machine's clock)"),
    safetyWindowSeconds: z.number().int().nonnegative().describe('Seconds re-read before each mark on the next sync'),
    objects: z.record(z.string(), MirroredObject).describe('Mirrored objects by API name'),
  })
  .strict();
export type SyncManifest = z.infer<typeof SyncManifest>;

/** A manifest file that is not valid: its path and the zod issues (codes and data; the caller words them). */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';
  readonly code = 'MANIFEST_INVALID';
  constructor(
    readonly file: string,
    readonly issues: readonly string[],
  ) {
    super(`MANIFEST_INVALID ${file}: ${issues.join('; ')}`);
  }
}

/** Parses a manifest's text; `ManifestError` naming the file and the bad fields. */
export function parseManifest(file: string, text: string): SyncManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ManifestError(file, [e instanceof Error ? e.message : String(e)]);
  }
  const parsed = SyncManifest.safeParse(json);
  if (!parsed.success) {
    throw new ManifestError(
      file,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  return parsed.data;
}
