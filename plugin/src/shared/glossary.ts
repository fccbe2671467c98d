import { Messages } from '@salesforce/core';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@salesops/plugin-salesops', 'glossary');

/**
 * The one source of every figure's name and meaning (plugin/messages/glossary.md, keyed by the metric's name as in
 * metrics.md): table headers, the GLOSSARY section of each command's `--help`, and whatever else explains a figure.
 */

/** The header people read for a figure, e.g. `wape` → `WAPE` (each entry is a list: header, then meaning). */
export function glossaryHeader(term: string, tokens: readonly string[] = []): string {
  return messages.getMessages(term, [...tokens])[0] ?? term;
}

/**
 * The glossary in a report language: `glossary.md` for English, `glossary.<language>.md` for the others (which hold
 * the terms the S&OP report shows; a test checks each has every one).
 */
export function glossaryIn(language: string): { header(term: string): string; meaning(term: string): string } {
  const catalogue =
    language === 'en' ? messages : Messages.loadMessages('@salesops/plugin-salesops', `glossary.${language}`);
  return {
    header: (term) => catalogue.getMessages(term, ['…'])[0] ?? term,
    meaning: (term) => catalogue.getMessages(term)[1] ?? '',
  };
}

/** What a figure means, in one sentence. */
export function glossaryMeaning(term: string): string {
  return messages.getMessages(term)[1] ?? '';
}

/**
 * The GLOSSARY section a command's `--help` shows under its description: each term's header and meaning, in the
 * order of the table's columns, each term once.
 *
 * @example
 * withGlossary('Compare reps.', ['quota']); // 'Compare reps.\n\nGLOSSARY\n  Quota — The quota for the period …'
 */
export function withGlossary(description: string, terms: readonly string[]): string {
  const lines = [...new Set(terms)].map((term) => `  ${glossaryHeader(term, ['…'])} — ${glossaryMeaning(term)}`);
  return `${description}\n\n${messages.getMessage('help.header')}\n${lines.join('\n')}`;
}
