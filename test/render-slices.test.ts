import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToDoc, htmlToDocInSlices } from '../src/render/html.js';
import { layoutDoc, layoutDocInSlices } from '../src/render/layout.js';
import { readHtml, readHtmlInSlices, type HtmlEvents } from '../src/text/html-events.js';
import { fixtureCorpus } from './helpers.js';

/** Every event, in order, as a line of text. */
function recorder(): { events: HtmlEvents; seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    events: {
      open: (name, attributes) => seen.push(`<${name} ${JSON.stringify(attributes)}>`),
      close: (name) => seen.push(`</${name}>`),
      // Text comes in pieces where the reader pleases: joined, it is the same text.
      text: (text) => {
        const last = seen.length - 1;
        if (seen[last]?.startsWith('"')) seen[last] = `${seen[last]}${text}`;
        else seen.push(`"${text}`);
      },
    },
  };
}

/** An article longer than a piece, with entities and tags astride the places it is cut. */
const LONG = Array.from(
  { length: 3000 },
  (_, i) =>
    `<p title="a &amp; b ${i}">Paragraph ${i} &amp; more &eacute;t&eacute; 中文&#x4e2d;<a href="https://e.org/${i}">link</a></p>\n`,
).join('');

describe('a long article read and laid out a piece at a time', () => {
  it('reads as the same events as read at once, entities astride the cuts included', async () => {
    expect(LONG.length).toBeGreaterThan(3 * 64 * 1024);
    // `&amp;` from two characters before the first cut (at 64 KiB) to two after it.
    const astride = `<p>${'x'.repeat(64 * 1024 - 5)}&amp;after</p>`;
    for (const html of [LONG, astride]) {
      const whole = recorder();
      readHtml(html, whole.events);
      const pieces = recorder();
      expect(await readHtmlInSlices(html, pieces.events, { sliceMs: 0 })).toBe(true);
      expect(pieces.seen).toEqual(whole.seen);
    }
    expect(htmlToDoc(astride, { articleFile: '/x.md' }).blocks[0]).toMatchObject({
      spans: [{ text: `${'x'.repeat(64 * 1024 - 5)}&after` }],
    });
  });

  it('gives the same document and lines, for a long article and for every fixture', async () => {
    const bodies = [
      LONG,
      ...readdirSync(fixtureCorpus)
        .filter((name) => /\.(md|html|txt)$/.test(name))
        .map((name) => readFileSync(path.join(fixtureCorpus, name), 'utf8')),
    ];
    for (const body of bodies) {
      const context = { articleFile: '/news/post.md' };
      const doc = await htmlToDocInSlices(body, context, { sliceMs: 0 });
      expect(doc).toEqual(htmlToDoc(body, context));
      expect(await layoutDocInSlices(doc!, 60, false, { sliceMs: 0 })).toEqual(layoutDoc(doc!, 60));
    }
  });

  it('lets the event loop turn between pieces, and stops when cancelled', async () => {
    let turned = false;
    setImmediate(() => (turned = true));
    let cancel = false;
    const reading = htmlToDocInSlices(
      LONG,
      { articleFile: '/x.md' },
      {
        sliceMs: 0,
        cancelled: () => cancel,
      },
    );
    cancel = true;
    expect(await reading).toBeNull();
    expect(turned).toBe(true);
    const doc = htmlToDoc(LONG, { articleFile: '/x.md' });
    expect(
      await layoutDocInSlices(doc, 60, false, { sliceMs: 0, cancelled: () => true }),
    ).toBeNull();
  });
});
