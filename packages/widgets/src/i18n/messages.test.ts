import { expect } from 'chai';
import type { Message } from './catalogue.js';
import { CATALOGUES, DEFAULT_LOCALE, MESSAGE_SETS, translator, WIDGET_LANGUAGES } from './messages.js';
import { createFormatters } from './format.js';

/** The `{n}` placeholders of a message (all its plural forms). */
function placeholders(message: Message): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  return [...new Set(texts.flatMap((text) => text.match(/\{\d+\}/g) ?? []))].sort();
}

describe('widget texts', () => {
  it('has every key of every text set in every language, once, with the same placeholders', () => {
    const seen = new Map<string, string>();
    for (const [setName, set] of Object.entries(MESSAGE_SETS)) {
      const keys = Object.keys(set.en).sort();
      for (const key of keys) {
        expect(seen.get(key), `${key} is in ${seen.get(key)} and ${setName}`).to.equal(undefined);
        seen.set(key, setName);
      }
      for (const language of WIDGET_LANGUAGES) {
        const messages = set[language] as Readonly<Record<string, Message>>;
        expect(Object.keys(messages).sort(), `${setName} ${language}`).to.deep.equal(keys);
        for (const key of keys) {
          const message = messages[key] as Message;
          const english = (set.en as Readonly<Record<string, Message>>)[key] as Message;
          const forms = typeof message === 'string' ? [message] : Object.values(message);
          for (const form of forms) expect(form.trim(), `${language} ${key}`).to.not.equal('');
          expect(placeholders(message), `${language} ${key}`).to.deep.equal(placeholders(english));
          expect(typeof message, `${language} ${key}: plural forms in English and here`).to.equal(typeof english);
        }
      }
    }
  });

  it("gives each plural message exactly its language's plural categories", () => {
    for (const language of WIDGET_LANGUAGES) {
      const categories = new Intl.PluralRules(DEFAULT_LOCALE[language]).resolvedOptions().pluralCategories.sort();
      for (const [key, message] of Object.entries(CATALOGUES[language])) {
        if (typeof message === 'string') continue;
        expect(Object.keys(message).sort(), `${language} ${key}`).to.deep.equal(categories);
      }
    }
  });

  it('is translated, not copied from English', () => {
    for (const language of WIDGET_LANGUAGES.filter((l) => l !== 'en')) {
      const same = Object.keys(CATALOGUES.en).filter(
        (k) =>
          JSON.stringify(CATALOGUES[language][k as keyof typeof CATALOGUES.en]) ===
          JSON.stringify(CATALOGUES.en[k as keyof typeof CATALOGUES.en]),
      );
      // Only product terms (Commit) and placeholders-only texts may equal the English.
      expect(same.length, `${language}: ${same.join(', ')}`).to.be.lessThan(4);
    }
  });

  it('never calls deal hygiene "衛生" (sanitation) in Japanese or Chinese', () => {
    for (const language of ['ja', 'zh-CN', 'zh-TW'] as const) {
      const texts = JSON.stringify(CATALOGUES[language]);
      expect(texts, language).to.not.match(/衛生|卫生/);
    }
    expect(translator('ja')('dealHealthTitle')).to.equal('商談の健全性');
    expect(translator('zh-CN')('dealHealthTitle')).to.equal('商机健康度');
  });

  it('chooses plural forms with Intl.PluralRules and formats numbers in the locale', () => {
    const en = translator('en');
    expect(en('days', 1)).to.equal('1 day');
    expect(en('days', 0)).to.equal('0 days');
    expect(en('days', 1234)).to.equal('1,234 days');
    expect(en('territory.reps', 1)).to.equal('1 rep');
    expect(en('leaderboard.summary', 1, 'Ann', '50%')).to.equal('1 rep ranked by attainment; first: Ann at 50%.');
    expect(translator('de')('days', 1)).to.equal('1 Tag');
    expect(translator('de', 'de-DE')('days', 1234)).to.equal('1.234 Tage');
    expect(translator('ja')('days', 1)).to.equal('1 日');
    // A missing value keeps its placeholder rather than printing "undefined".
    expect(en('forecast.likely', '$1K')).to.equal('Likely $1K, range {1}–{2}');
  });

  it('prints a percentage with one decimal always, as the CLI and the report do', () => {
    const f = createFormatters('en-US', 'USD');
    expect([f.percent(0.5), f.percent(1), f.percent(0.93394), f.percent(0)]).to.deep.equal([
      '50.0%',
      '100.0%',
      '93.4%',
      '0.0%',
    ]);
    expect(createFormatters('de-DE', 'EUR').percent(0.5)).to.equal('50,0\u00a0%');
    // Multiples (coverage) with two decimals always, as the CLI's tables and the report print them.
    expect([f.multiple(0.9), f.multiple(1.0712)]).to.deep.equal(['0.90×', '1.07×']);
  });
});
