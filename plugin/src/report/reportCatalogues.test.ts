/**
 * Translation completeness: every key of the report in all five catalogues with the same placeholders, every key the
 * code asks for present (method, rule and step names included), and every figure of the report in each glossary.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANGE_BUCKETS, FORECAST_METHODS, HYGIENE_RULES } from '@salesops/core';
import { ACTION_LEVELS } from './reportActions.js';
import { REPORT_TERMS } from './reportDocument.js';
import { REPORT_LANGUAGES } from './reportLanguage.js';

const messages = join(import.meta.dirname, '../../messages');

/** `# key` → text of a plugin/messages Markdown file. */
function catalogue(file: string): Map<string, string> {
  const text = readFileSync(join(messages, file), 'utf8');
  const entries = text.split(/^# /m).slice(1);
  return new Map(entries.map((e) => [e.slice(0, e.indexOf('\n')).trim(), e.slice(e.indexOf('\n')).trim()]));
}

const placeholders = (text: string) => (text.match(/%s/g) ?? []).length;

describe('report catalogues', () => {
  const en = catalogue('report.en.md');

  it.each(REPORT_LANGUAGES.filter((l) => l !== 'en'))(
    '%s has every key of English, with the same placeholders',
    (language) => {
      const other = catalogue(`report.${language}.md`);
      expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, text] of en) {
        expect(placeholders(other.get(key) ?? ''), `${language} ${key}`).toBe(placeholders(text));
        if (key !== 'title' && !/^(method\.(pipeline|monteCarlo)|level\.team|chart\.(range|horizon))/.test(key))
          expect(other.get(key), `${language} ${key} is still English`).not.toBe(text);
      }
    },
  );

  it('has every key the code asks for, method, rule, step, level and flag names included', () => {
    const sources = readdirSync(import.meta.dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const asked = new Set<string>();
    for (const file of sources) {
      const code = readFileSync(join(import.meta.dirname, file), 'utf8');
      for (const m of code.matchAll(/\bt\(\s*'([\w.]+)'/g)) asked.add(m[1] as string);
    }
    for (const m of FORECAST_METHODS) asked.add(`method.${m}`);
    for (const r of HYGIENE_RULES) asked.add(`rule.${r}`);
    for (const s of ['start', 'end', ...CHANGE_BUCKETS.filter((b) => b !== 'unchanged')]) asked.add(`step.${s}`);
    for (const l of ACTION_LEVELS) asked.add(`level.${l}`);
    for (const f of ['top', 'bottom']) asked.add(`flag.${f}`);
    const missing = [...asked].filter((k) => !en.has(k));
    expect(missing).toEqual([]);
  });

  it.each(REPORT_LANGUAGES)('the %s glossary explains every figure of the report', (language) => {
    const glossary = catalogue(language === 'en' ? 'glossary.md' : `glossary.${language}.md`);
    for (const term of REPORT_TERMS) {
      const entry = glossary.get(term) ?? '';
      expect(
        entry.split('\n').filter((l) => l.startsWith('- ')),
        `${language} ${term}`,
      ).toHaveLength(2);
    }
  });
});
