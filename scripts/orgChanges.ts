/**
 * Seeded changes to an org through its APIs, as users make them: deals created, updated (each change of stage or
 * amount adds an OpportunityHistory row), deleted (their line items and history go with them) and undeleted (SOAP
 * undelete()), accounts renamed. Used by the sync tests and the sync benchmark.
 */
import type { Connection } from 'jsforce';
import type { Random } from '@salesops/local-org';

export interface ChangePlan {
  readonly create: number;
  readonly update: number;
  readonly delete: number;
  readonly undelete: number;
  readonly accounts?: number;
}

const STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review',
  'Closed Won',
  'Closed Lost',
];
const BATCH = 200;

/** Ids of the live records of an object (every page). */
export async function liveIds(conn: Connection, sobject: string): Promise<string[]> {
  const ids: string[] = [];
  let page = await conn.query<{ Id: string }>(`SELECT Id FROM ${sobject}`);
  for (;;) {
    ids.push(...page.records.map((r) => r.Id));
    if (page.done || !page.nextRecordsUrl) return ids;
    page = await conn.queryMore<{ Id: string }>(page.nextRecordsUrl);
  }
}

/** Updates deals' amount and stage (one history row each), 200 per sObject Collections request. */
export async function updateDeals(conn: Connection, ids: readonly string[], random: Random): Promise<void> {
  await inBatches(ids, async (batch) => {
    const results = await conn.sobject('Opportunity').update(
      batch.map((Id) => ({ Id, Amount: random.int(1, 500) * 1000, StageName: random.pick(STAGES) })),
      { allOrNone: true },
    );
    assertSaved(results);
  });
}

/**
 * Makes the planned changes; `deleted` is the pool of ids deleted earlier (undeletes draw from it, deletes add to it).
 */
export async function randomChanges(
  conn: Connection,
  random: Random,
  plan: ChangePlan,
  deleted: string[],
): Promise<void> {
  const deals = await liveIds(conn, 'Opportunity');
  const accounts = await liveIds(conn, 'Account');
  const shuffled = shuffle(deals, random);
  const toUpdate = shuffled.slice(0, plan.update);
  const toDelete = shuffled.slice(plan.update, plan.update + plan.delete);
  const toUndelete = shuffle(deleted, random).slice(0, plan.undelete);
  const created = Array.from({ length: plan.create }, (_, i) => ({
    Name: `Sync deal ${random.int(1, 1e9)}-${i}`,
    AccountId: random.pick(accounts),
    StageName: random.pick(STAGES.slice(0, 5)),
    CloseDate: `2027-0${random.int(1, 9)}-1${random.int(0, 9)}`,
    Amount: random.int(1, 900) * 100,
  }));
  await inBatches(created, async (batch) =>
    assertSaved(await conn.sobject('Opportunity').create(batch, { allOrNone: true })),
  );
  await updateDeals(conn, toUpdate, random);
  await inBatches(toDelete, async (batch) => assertSaved(await conn.sobject('Opportunity').destroy(batch)));
  await inBatches(toUndelete, async (batch) => assertSaved(await conn.soap.undelete(batch)));
  const renamed = shuffle(accounts, random).slice(0, plan.accounts ?? 0);
  await inBatches(renamed, async (batch) =>
    assertSaved(
      await conn.sobject('Account').update(batch.map((Id) => ({ Id, Name: `Renamed ${random.int(1, 1e9)}` }))),
    ),
  );
  for (const id of toUndelete) deleted.splice(deleted.indexOf(id), 1);
  deleted.push(...toDelete);
}

async function inBatches<T>(items: readonly T[], run: (batch: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) await run(items.slice(i, i + BATCH));
}

function assertSaved(results: unknown): void {
  const list = (Array.isArray(results) ? results : [results]) as { success: boolean | string; errors?: unknown }[];
  const failed = list.filter((r) => String(r.success) !== 'true');
  if (failed.length > 0) throw new Error(`org rejected ${failed.length} changes: ${JSON.stringify(failed[0])}`);
}

function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
