import { format } from 'node:util';
import { Messages } from '@salesforce/core';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@salesops/plugin-salesops', 'glossary');

/**
 * The one source of every figure's name and meaning (plugin/messages/glossary.md, keyed by the metric's name as in
 * metrics.md): table headers, the GLOSSARY section of each command's `--help`, and whatever else explains a figure.
 */

/** The header people read for a figure, e.g. `wape` → `WAPE` (each entry is a list: header, then meaning). */
export function glossaryHeader(term: string, tokens: readonly string[] = []): string {
  return headerOf(messages, term, tokens);
}

/**
 * An entry's header with `tokens` in its specifiers (%s). Formatted here, header line only: given tokens, the
 * catalogue formats every line of the entry and logs a warning for each line without a specifier (the meaning).
 */
function headerOf(catalogue: Messages<string>, term: string, tokens: readonly string[]): string {
  const header = catalogue.getMessages(term)[0];
  if (header === undefined) return term;
  const specifiers = header.match(/%[sdifjoO]/g)?.length ?? 0;
  return specifiers > 0 && tokens.length > 0 ? format(header, ...tokens.slice(0, specifiers)) : header;
}

/**
 * The glossary in a report language: `glossary.md` for English, `glossary.<language>.md` for the others (which hold
 * the terms the S&OP report shows; a test checks each has every one).
 */
export function glossaryIn(language: string): { header(term: string): string; meaning(term: string): string } {
  const catalogue =
    language === 'en' ? messages : Messages.loadMessages('@salesops/plugin-salesops', `glossary.${language}`);
  return {
    header: (term) => headerOf(catalogue, term, ['…']),
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
