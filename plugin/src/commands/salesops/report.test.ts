/**
 * The S&OP pack on a generated org whose rep is named like an XSS payload: every value escaped in HTML and Markdown,
 * each language's texts, chart.js and the chart data inlined (no external resource), the sections present.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Config } from '@oclif/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateSampleOrg, SAMPLE_ANCHOR_DATE } from '@salesops/local-org';
import Report, { type SalesopsReportResult } from './report.js';

const HOSTILE = '<img src=x onerror=alert(1)>';
let dir: string;
let config: Config;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'report-'));
  await generateSampleOrg({ outDir: join(dir, 'org'), size: 'default' });
  // The best-performing rep of the sample org gets a hostile name (the name is a CSV field without commas).
  const users = join(dir, 'org', 'User.csv');
  await writeFile(users, (await readFile(users, 'utf8')).replace('Quinn Gupta', HOSTILE));
  await cp(join(dir, 'org'), join(dir, 'org-copy'), { recursive: true });
  config = await Config.load(join(import.meta.dirname, '../../..'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function report(language: string): Promise<SalesopsReportResult> {
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return (await Report.run(
      [
        '--data-dir',
        join(dir, 'org'),
        '--as-of',
        SAMPLE_ANCHOR_DATE,
        '--language',
        language,
        '--output-dir',
        join(dir, language),
        '--json',
      ],
      config,
    )) as SalesopsReportResult;
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('sf salesops report', () => {
  it('escapes every value and inlines everything it needs', async () => {
    const result = await report('en');
    const html = await readFile(result.html, 'utf8');
    const markdown = await readFile(result.markdown, 'utf8');
    expect(result.data.reps.map((r) => r.name)).toContain(HOSTILE);
    expect(html).not.toContain(HOSTILE);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(markdown).not.toContain(HOSTILE);
    expect(markdown).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // Offline: no external scripts, styles or images; chart.js itself is inlined.
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
    expect(html).toMatch(/Chart\.js v4\.6\.1/);
    for (const id of ['actions', 'kpis', 'forecast', 'accuracy', 'reps', 'territories', 'hygiene', 'demand'])
      expect(html).toContain(`<section id="${id}">`);
    expect(markdown).toMatch(/^# S&OP review — Sample Sales Co\n/);
  });

  it.each([
    ['de', 'Maßnahmen', 'de-DE'],
    ['ja', 'アクション項目', 'ja-JP'],
    ['zh-CN', '行动事项', 'zh-CN'],
    ['zh-TW', '行動事項', 'zh-TW'],
  ])('writes the pack in %s', async (language, actionsTitle, locale) => {
    const result = await report(language);
    const html = await readFile(result.html, 'utf8');
    expect(html).toContain(`<html lang="${language}">`);
    expect(html).toContain(`<h2>${actionsTitle}</h2>`);
    expect(html).toContain(`"locale":"${locale}"`);
  });
});
