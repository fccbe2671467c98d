/**
 * The Lightning web component that hosts a widget page (force-app/main/default/lwc/salesopsWidget): exposed to App
 * Builder on record, home and app pages with the widget, period, scope and anonymise properties; one entry per
 * Visualforce page; a lightning-card with title, icon, the page's iframe and a footer link; labels that exist in
 * every language; and the same frame-height message type as the pages' sender. Deployability is checked by the
 * conversion in widgetsMetadata.test.ts.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const lwc = join(root, 'force-app/main/default/lwc/salesopsWidget');
const read = (path: string) => readFile(path, 'utf8');

let pageElements: Record<string, string>;

beforeAll(async () => {
  // The widgets' build script is its own TypeScript project; load it at run time.
  const bundle = (await import(pathToFileURL(join(root, 'packages/widgets/scripts/bundle.ts')).href)) as {
    PAGE_ELEMENTS: Record<string, string>;
  };
  pageElements = bundle.PAGE_ELEMENTS;
}, 60_000);

describe('salesopsWidget (Lightning web component host)', () => {
  it('is exposed to App Builder on record, home and app pages with its four properties', async () => {
    const meta = await read(join(lwc, 'salesopsWidget.js-meta.xml'));
    expect(meta).toContain('<isExposed>true</isExposed>');
    const targets = [...meta.matchAll(/<target>([^<]+)<\/target>/g)].map((m) => m[1]);
    expect(targets.sort()).toEqual(['lightning__AppPage', 'lightning__HomePage', 'lightning__RecordPage']);
    expect(meta).toContain('<targetConfig targets="lightning__RecordPage,lightning__HomePage,lightning__AppPage">');
    const properties = new Map(
      [...meta.matchAll(/<property ([^>]+)\/>/g)].map((m) => {
        const attributes = Object.fromEntries(
          [...(m[1] as string).matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]]),
        );
        return [attributes['name'] as string, attributes];
      }),
    );
    expect([...properties.keys()].sort()).toEqual(['anonymise', 'period', 'scope', 'widget']);
    // The widget picklist offers exactly the elements there is a page for.
    expect(properties.get('widget')?.['datasource']?.split(',').sort()).toEqual(Object.values(pageElements).sort());
    expect(properties.get('widget')?.['required']).toBe('true');
    expect(properties.get('scope')?.['datasource']?.split(',')).toEqual(['rep', 'team', 'territory', 'org']);
    expect(properties.get('anonymise')?.['type']).toBe('Boolean');
  });

  it('maps every widget to its Visualforce page and passes the properties as page parameters', async () => {
    const js = await read(join(lwc, 'salesopsWidget.js'));
    for (const [page, element] of Object.entries(pageElements)) {
      expect(js, element).toMatch(new RegExp(`'?${element}'?: \\{\\s*page: '${page}'`));
    }
    for (const parameter of ['id', 'period', 'scope', 'anonymise']) expect(js).toContain(`params.set('${parameter}'`);
    expect(js).toContain('`/apex/${this.config.page}');
    // The card draws the header: the page hides the element's own (pages' stylesheet).
    expect(js).toContain("new URLSearchParams({ embedded: '1' })");
    // Sizes the frame only from checked messages, and stops listening when removed.
    expect(js).toContain('frameHeightOf(event, frame?.contentWindow');
    expect(js).toContain('isVisualforceOrigin(origin, window.location.hostname)');
    expect(js).toContain("window.removeEventListener('message', this.handleMessage)");
  });

  it('renders a lightning-card with title, icon, the page frame and a footer link', async () => {
    const html = await read(join(lwc, 'salesopsWidget.html'));
    expect(html).toMatch(/<lightning-card title=\{title\} icon-name=\{iconName\}>/);
    expect(html).toMatch(/<iframe lwc:ref="frame"[^>]* src=\{frameUrl\} title=\{title\} style=\{frameStyle\}>/);
    expect(html).toContain('<div slot="footer">');
  });

  it('uses labels that exist in English and in every translation', async () => {
    const js = await read(join(lwc, 'salesopsWidget.js'));
    const used = [...js.matchAll(/@salesforce\/label\/c\.(\w+)/g)].map((m) => m[1] as string);
    expect(used.length).toBe(6);
    const labels = await read(join(root, 'force-app/main/default/labels/CustomLabels.labels-meta.xml'));
    const dir = join(root, 'force-app/main/default/translations');
    const translations = (await readdir(dir)).filter((f) => f.endsWith('.translation-meta.xml'));
    expect(translations.sort()).toEqual(
      ['de', 'ja', 'zh_CN', 'zh_TW'].map((language) => `${language}.translation-meta.xml`),
    );
    for (const name of used) {
      expect(labels, name).toContain(`<fullName>${name}</fullName>`);
      for (const file of translations) {
        expect(await read(join(dir, file)), `${file}: ${name}`).toMatch(
          new RegExp(`<label>[^<]+</label>\\s*<name>${name}</name>`),
        );
      }
    }
  });

  it('listens for the message type the pages post', async () => {
    const type = /FRAME_HEIGHT_MESSAGE = '([^']+)'/;
    const sender = await read(join(root, 'packages/widgets/src/host/frameHeight.ts'));
    const receiver = await read(join(lwc, 'frameHeight.js'));
    expect(type.exec(receiver)?.[1]).toBe(type.exec(sender)?.[1]);
    expect(type.exec(sender)?.[1]).toBe('salesops:frame-height');
  });
});
