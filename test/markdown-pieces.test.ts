// A long Markdown text parsed in pieces reads as the whole text does: the same document.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../src/corpus/front-matter.js';
import { htmlToDoc } from '../src/render/html.js';
import { markdownToHtml, markdownToHtmlInSlices } from '../src/text/markdown.js';
import { projectRoot } from './helpers.js';

const demo = path.join(projectRoot, 'articles');
const read = (html: string | null) => htmlToDoc(html ?? '', { articleFile: '/a.md' });

/** The document of the text in pieces as small as they may be cut, and of the whole. */
async function both(body: string) {
  return [
    read(await markdownToHtmlInSlices(body, { chunkChars: 1 })),
    read(await markdownToHtml(body)),
  ];
}
const articles = readdirSync(demo).filter((name) => name.endsWith('.md'));

/** Cases a cut in the wrong place would change. */
const tricky = [
  'Intro.\n\n```\ncode\n\nStill code\n```\n\nAfter.\n\nMore.',
  'Intro.\n\n<pre>\nraw\n\nStill raw\n</pre>\n\nAfter.',
  'Intro.\n\n<!-- a comment\n\nStill the comment -->\n\nAfter.',
  '1. one\n\n2. two\n\nText after the list.\n\n- a\n\n  b in a\n\nEnd.',
  '> quoted\n\nNot quoted.\n\n# A heading\n\nText with [a link][1].\n\n[1]: https://example.org',
  'A | B\n--- | ---\n1 | 2\n\nTitle\n=====\n\nText.',
];

describe('Markdown in pieces', () => {
  it.each(articles)('reads as the whole for %s', async (name) => {
    const body = splitFrontMatter(readFileSync(path.join(demo, name), 'utf8')).body;
    const [pieces, whole] = await both(body);
    expect(pieces).toEqual(whole);
  });

  it.each(tricky)('reads as the whole for %j', async (body) => {
    const [pieces, whole] = await both(body);
    expect(pieces).toEqual(whole);
  });

  it('stops between pieces when cancelled', async () => {
    const body = Array.from({ length: 50 }, (_, i) => `Paragraph ${i}.`).join('\n\n');
    let pieces = 0;
    const html = await markdownToHtmlInSlices(body, {
      chunkChars: 1,
      cancelled: () => ++pieces >= 3,
    });
    expect(html).toBeNull();
    expect(pieces).toBe(3);
  });
});
