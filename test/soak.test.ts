/**
 * Soak and faults: `sf salesops forecast`, `reps compare` and `territory coverage` with `--write --json`, through the
 * real `sf` executable, against the local org while it injects seeded faults: 5xx bursts, dropped connections, latency
 * spikes, per-record write failures (UNABLE_TO_LOCK_ROW), session expiry mid-run and an API allowance that runs out.
 * Each fault kind stays on until the org's own fault log shows it hit reads and writes (record failures exist only
 * for writes); after each failed run the test does what a user would (log in again, wait for the allowance, rerun).
 * Then: every failure was reported with a clear message and exit code 1, and, once the faults stop, the stored records
 * are exactly one per expected key with the values of a clean run (and of the engine). Prints the figures.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareReps, computePerformance, createOrgSnapshot, scorecardRecords } from '@salesops/core';
import { generateSampleOrg, SAMPLE_ANCHOR_DATE, start, type FaultKind, type LocalOrg } from '@salesops/local-org';
import { readDataDir } from '@salesops/org';
import { linkPlugin, runSf, type SfRun, loginToOrg } from '../scripts/sfCli.js';

type Command = 'forecast' | 'reps compare' | 'territory coverage';
const COMMANDS: readonly Command[] = ['forecast', 'reps compare', 'territory coverage'];
const ARGS: Record<Command, readonly string[]> = {
  forecast: ['salesops', 'forecast', '--group-by', 'rep', '--method', 'commit,weighted'],
  'reps compare': ['salesops', 'reps', 'compare'],
  'territory coverage': ['salesops', 'territory', 'coverage'],
};
/** What each command writes (reps compare: the scorecards and the peer leaderboard's rows). */
const OBJECTS: Record<Command, readonly string[]> = {
  forecast: ['SalesOps_Forecast__c'],
  'reps compare': ['SalesOps_Rep_Scorecard__c', 'SalesOps_Leaderboard__c'],
  'territory coverage': ['SalesOps_Territory_Coverage__c'],
};
/** Fields that differ from run to run by design. */
const PER_RUN_FIELDS = new Set(['Run_Id__c']);
/** Names of the errors a faulted run may end with, each a message for people (no raw TypeError or stack). */
const USER_ERRORS = new Set(['SessionExpired', 'WriteSessionExpiredError', 'ApiLimitError', 'UnavailableError']);

let home: string;
let dir: string;
let org: LocalOrg;
const requestLog: string[] = [];

/** Every run of a command, with what the user saw. */
interface Outcome {
  readonly phase: string;
  readonly command: Command;
  readonly code: number;
  readonly name: string | null;
  readonly message: string | null;
  readonly written: {
    upserted: number;
    failed: number;
    errorFile: string | null;
    errorFiles: string[];
  } | null;
  readonly stderr: string;
  /** The run's warnings: with --json, sf puts them in the JSON output (`warnings`), not on stderr. */
  readonly warnings: string;
}
const outcomes: Outcome[] = [];
/** Reruns the user had to make after a run that did not finish its job. */
let reruns = 0;
/** The records a clean run stores, per object and key (without per-run fields). */
const reference = new Map<Command, Map<string, Record<string, unknown>>>();

const admin = (): Connection =>
  new Connection({ instanceUrl: org.url, accessToken: org.tokens.admin, version: '64.0' });

async function login(): Promise<void> {
  const run = await loginToOrg(home, org.url, 'local', org.tokens.admin);
  expect(run.code, run.stdout + run.stderr).toBe(0);
}

/** The stored result records of an object, by key, as the admin reads them over the API. */
/** The records of `objects`, by object and key (keys are unique per object, not across objects). */
async function stored(
  objects: readonly string[],
): Promise<{ total: number; byKey: Map<string, Record<string, unknown>> }> {
  const byKey = new Map<string, Record<string, unknown>>();
  let total = 0;
  for (const object of objects) {
    const result = await admin().query<Record<string, unknown>>(`SELECT FIELDS(CUSTOM) FROM ${object} LIMIT 200`);
    expect(result.totalSize).toBeLessThan(200);
    total += result.totalSize;
    for (const record of result.records) {
      const values = Object.fromEntries(
        Object.entries(record).filter(([field]) => field !== 'attributes' && !PER_RUN_FIELDS.has(field)),
      );
      byKey.set(`${object}|${String(record['Key__c'])}`, values);
    }
  }
  return { total, byKey };
}

/** One `--write --json` run through sf, recorded with its outcome. */
async function runCommand(phase: string, command: Command): Promise<Outcome & { json: Record<string, unknown> }> {
  const run: SfRun = await runSf(home, [
    ...ARGS[command],
    '--target-org',
    'local',
    '--as-of',
    SAMPLE_ANCHOR_DATE,
    '--write',
    '--json',
  ]);
  const json = JSON.parse(run.stdout) as Record<string, unknown>;
  const result = json['result'] as { written?: Outcome['written'] } | undefined;
  const outcome: Outcome = {
    phase,
    command,
    code: run.code,
    name: typeof json['name'] === 'string' ? json['name'] : null,
    message: typeof json['message'] === 'string' ? json['message'] : null,
    written: result?.written ?? null,
    stderr: run.stderr,
    warnings: Array.isArray(json['warnings']) ? json['warnings'].map(String).join('\n') : '',
  };
  outcomes.push(outcome);
  return { ...outcome, json };
}

/** Requests of the last run (from the org's request log) before its first write, all and versioned ones. */
function requestsBeforeFirstWrite(lines: readonly string[]): { authenticated: number; versioned: number } {
  const first = lines.findIndex((l) => !l.startsWith('GET '));
  const before = lines.slice(0, first);
  return {
    authenticated: before.filter((l) => !/^GET \/+services\/data \d+$/.test(l)).length,
    versioned: before.filter((l) => /\/services\/data\/v\d/.test(l)).length,
  };
}

/** Runs until the command finished its job, reacting to each failure as a user would; returns the runs it took. */
async function runUntilDone(phase: string, command: Command, beforeRerun?: () => void): Promise<number> {
  for (let attempt = 1; attempt <= 8; attempt++) {
    const outcome = await runCommand(phase, command);
    if (outcome.code === 0) return attempt;
    reruns++;
    if (outcome.name === 'SessionExpired' || outcome.name === 'WriteSessionExpiredError') {
      org.renewSessions();
      await login();
    }
    if (outcome.name === 'ApiLimitError' || outcome.written?.failed) {
      // The allowance refills (a rolling 24-hour window): the same run later goes through.
      if (org.limits.used >= org.limits.max) org.limits.set(1_000_000);
    }
    beforeRerun?.();
  }
  throw new Error(`${command} did not finish in ${phase} after 8 runs`);
}

const hits = (kind: FaultKind, from: number) => {
  const events = org.faultLog.slice(from).filter((e) => e.kind === kind);
  return {
    read: events.filter((e) => e.operation === 'read').length,
    write: events.filter((e) => e.operation === 'write').length,
  };
};

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'sf-home-soak-'));
  dir = await mkdtemp(join(tmpdir(), 'sf-org-soak-'));
  await generateSampleOrg({ outDir: dir, size: 1000, seed: 42 });
  org = await start({ dataDir: dir, log: (line) => requestLog.push(line) });
  expect((await linkPlugin(home)).code).toBe(0);
  await login();
}, 180_000);
afterAll(async () => {
  await org?.stop();
  await rm(home, { recursive: true, force: true });
  await rm(dir, { recursive: true, force: true });
});

describe('soak: writing commands under seeded faults', () => {
  /** Per command: requests before its first write (measured on a clean run right after a login). */
  const firstWrite = new Map<Command, { authenticated: number; versioned: number }>();

  it('a clean run stores one record per key, as the engine computes them', async () => {
    for (const command of COMMANDS) {
      org.renewSessions();
      await login();
      const from = requestLog.length;
      const outcome = await runCommand('clean', command);
      expect(outcome.code, outcome.stderr).toBe(0);
      expect(outcome.written).toMatchObject({ failed: 0, errorFile: null });
      firstWrite.set(command, requestsBeforeFirstWrite(requestLog.slice(from)));
      const { total, byKey } = await stored(OBJECTS[command]);
      expect(total).toBe(byKey.size);
      expect(total).toBe(outcome.written?.upserted);
      reference.set(command, byKey);
    }
    // The scorecards are the engine's, computed from the files the org was loaded from.
    const snapshot = createOrgSnapshot(await readDataDir(dir));
    const period = snapshot.calendar.periodOf(SAMPLE_ANCHOR_DATE, 'Quarter');
    const report = computePerformance(snapshot, { period, asOf: SAMPLE_ANCHOR_DATE });
    const expected = scorecardRecords(report, compareReps(snapshot, report, { period, asOf: SAMPLE_ANCHOR_DATE }), {
      runId: 'engine',
    });
    const scorecards = (await stored(['SalesOps_Rep_Scorecard__c'])).byKey;
    const scorecardKey = (key: string) => `SalesOps_Rep_Scorecard__c|${key}`;
    expect([...scorecards.keys()].sort()).toEqual(expected.map((r) => scorecardKey(r.Key__c)).sort());
    for (const record of expected) {
      expect(scorecards.get(scorecardKey(record.Key__c))).toMatchObject({
        Closed_Won__c: record.Closed_Won__c,
        Quota__c: record.Quota__c ?? null,
      });
    }
    // Start the soak from an empty org, so a record lost under faults cannot hide behind the clean run's.
    const connection = admin();
    for (const object of Object.values(OBJECTS).flat()) {
      const ids = (await connection.query<{ Id: string }>(`SELECT Id FROM ${object}`)).records.map((r) => r.Id);
      await connection.sobject(object).destroy(ids, { allOrNone: true });
      expect((await stored([object])).total).toBe(0);
    }
  }, 300_000);

  it('5xx bursts, dropped connections, latency spikes and record failures together: retried or reported, and reruns finish', async () => {
    const from = org.faultLog.length;
    // Seeded per-request faults, all at once; on until each has hit reads and writes (records fail on writes only).
    org.setFaults({
      seed: 21,
      serverErrorRate: 0.06,
      serverErrorBurst: 2,
      dropRate: 0.06,
      latencySpikeRate: 0.06,
      latencySpikeMs: 300,
      recordFailureRate: 0.03,
    });
    const done = () =>
      (['serverError', 'drop', 'latencySpike'] as const).every(
        (kind) => hits(kind, from).read > 0 && hits(kind, from).write > 0,
      ) && hits('recordFailure', from).write > 0;
    for (let i = 0; i < 24 && !done(); i++) await runUntilDone('per-request faults', COMMANDS[i % 3] as Command);
    org.setFaults(undefined);
    for (const kind of ['serverError', 'drop', 'latencySpike'] as const) {
      expect(hits(kind, from).read, kind).toBeGreaterThan(0);
      expect(hits(kind, from).write, kind).toBeGreaterThan(0);
    }
    expect(hits('recordFailure', from).read).toBe(0);
    expect(hits('recordFailure', from).write).toBeGreaterThan(0);
  }, 300_000);

  it('sessionExpired: mid-read and mid-write; logging in again and rerunning finishes the job', async () => {
    const from = org.faultLog.length;
    for (const [command, point] of [
      ['forecast', 'read'],
      ['reps compare', 'write'],
    ] as const) {
      const before = (firstWrite.get(command) as { authenticated: number }).authenticated;
      org.renewSessions();
      await login();
      org.setFaults({ sessionExpiresAfter: point === 'read' ? Math.floor(before / 2) : before });
      // The session ends once; the rerun after the new login has a fresh one.
      expect(await runUntilDone('sessionExpired', command, () => org.setFaults(undefined))).toBe(2);
    }
    org.setFaults(undefined);
    expect(hits('sessionExpired', from)).toEqual({ read: 1, write: 1 });
  }, 300_000);

  it('limitExceeded: the allowance runs out mid-read and mid-write; the rerun after it refills finishes', async () => {
    const from = org.faultLog.length;
    for (const [command, point] of [
      ['territory coverage', 'read'],
      ['forecast', 'write'],
    ] as const) {
      const before = (firstWrite.get(command) as { versioned: number }).versioned;
      org.limits.set(org.limits.used + (point === 'read' ? Math.floor(before / 2) : before));
      expect(await runUntilDone('limitExceeded', command)).toBe(2);
    }
    const hit = hits('limitExceeded', from);
    expect(hit.read).toBeGreaterThan(0);
    expect(hit.write).toBeGreaterThan(0);
  }, 300_000);

  it('reported every failure clearly, converges once the faults stop, and loses or doubles nothing', async () => {
    // Every run ended with 0, or with 1 and a message for people; never a crash or a stack trace.
    for (const outcome of outcomes) {
      expect(outcome.stderr, `${outcome.phase} ${outcome.command}`).not.toMatch(/^\s+at /m);
      if (outcome.code === 0) {
        expect(outcome.written).toMatchObject({ failed: 0, errorFile: null });
        continue;
      }
      expect(outcome.code, `${outcome.phase} ${outcome.command}: ${outcome.name} ${outcome.message}`).toBe(1);
      if (outcome.name !== null) {
        expect(USER_ERRORS.has(outcome.name), `${outcome.name}: ${outcome.message}`).toBe(true);
        expect(outcome.message).toMatch(
          /session expired|API allowance is used up|did not answer after several retries/,
        );
        continue;
      }
      const written = outcome.written as NonNullable<Outcome['written']>;
      // The results were written but the run's own SalesOps_Run__c record was refused: a warning names it.
      if (written.failed === 0) {
        expect(outcome.warnings, `${outcome.phase} ${outcome.command}`).toMatch(
          /audit record run\|\S+ \(SalesOps_Run__c\) was not saved/,
        );
        continue;
      }
      // Records failed: the result says how many, and the error files (one per object) hold exactly those, with
      // their reasons; errorFile is the first of them.
      expect(written.errorFile).toBe(written.errorFiles[0]);
      const rows: Array<Record<string, string>> = [];
      for (const file of written.errorFiles) {
        rows.push(...(parse(await readFile(join(home, file)), { columns: true }) as Array<Record<string, string>>));
      }
      const expectedKeys = reference.get(outcome.command) as Map<string, unknown>;
      expect(rows).toHaveLength(written.failed);
      expect(written.upserted + written.failed).toBe(expectedKeys.size);
      for (const row of rows) {
        const key = row['Key__c'] as string;
        expect(OBJECTS[outcome.command].some((object) => expectedKeys.has(`${object}|${key}`))).toBe(true);
        // Per-record failures, or the write refused once the allowance ran out; never an unexplained failure.
        expect(row['Error_Code']).toMatch(/^(UNABLE_TO_LOCK_ROW|REQUEST_LIMIT_EXCEEDED)$/);
        expect(row['Error_Message']).not.toBe('');
      }
    }
    // The faults are off: a final run of each command completes and converges.
    org.setFaults(undefined);
    org.limits.set(1_000_000);
    org.renewSessions();
    await login();
    let lost = 0;
    let duplicated = 0;
    for (const command of COMMANDS) {
      const final = await runCommand('final', command);
      expect(final.code, final.stderr).toBe(0);
      expect(final.written).toMatchObject({ failed: 0, errorFile: null });
      const expected = reference.get(command) as Map<string, Record<string, unknown>>;
      const { total, byKey } = await stored(OBJECTS[command]);
      lost += [...expected.keys()].filter((key) => !byKey.has(key)).length;
      duplicated += total - byKey.size + [...byKey.keys()].filter((key) => !expected.has(key)).length;
      expect(total).toBe(expected.size);
      expect(byKey).toEqual(expected);
    }
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);

    const log = org.faultLog;
    // Retries by the client (the plugin's retry policy): a 5xx answer, a dropped connection or a refusal for the
    // allowance followed by the same request. Latency spikes, expired sessions and failed records are not retried
    // by the client; the user's rerun finishes those jobs.
    const retriable = new Set<FaultKind>(['serverError', 'drop', 'limitExceeded']);
    const retried = log.filter((e) => retriable.has(e.kind) && e.retried).length;
    expect(retried).toBeGreaterThan(0);
    const perKind: Record<string, { read: number; write: number; retried: number }> = {};
    for (const event of log) {
      const entry = (perKind[event.kind] ??= { read: 0, write: 0, retried: 0 });
      entry[event.operation]++;
      if (event.retried && retriable.has(event.kind)) entry.retried++;
    }
    const failedRuns = outcomes.filter((o) => o.code !== 0).length;
    console.log(
      [
        `Soak: ${outcomes.length} sf runs, ${failedRuns} ended with exit 1 and a message, ${reruns} reruns by the user`,
        ...Object.entries(perKind).map(
          ([kind, n]) =>
            `  ${kind}: ${n.read + n.write} injected (${n.read} on reads, ${n.write} on writes)` +
            (retriable.has(kind as FaultKind) ? `, ${n.retried} retried by the client` : ''),
        ),
        `  requests retried by the client: ${retried}`,
        `  records lost: ${lost}, records duplicated: ${duplicated}`,
      ].join('\n'),
    );
  }, 300_000);
});
