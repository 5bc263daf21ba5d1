import { readdirSync } from 'node:fs';
import path from 'node:path';
import { decodeHTML } from 'entities/decode';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../src/corpus/article.js';
import { readBody } from '../src/corpus/body.js';
import { loadCorpus } from '../src/corpus/load.js';
import { toAnsiText } from '../src/render/ansi.js';
import { articleLines, renderArticle } from '../src/render/article.js';
import { toPlainText } from '../src/render/plain.js';
import { displayWidth } from '../src/text/width.js';
import { realCorpus } from './helpers.js';

/**
 * The characters a reader should find, taken from the HTML independently of
 * the renderer: dropped elements removed, tags stripped, entities decoded,
 * white space and control characters ignored. Counted, so that a table's
 * cells read across lines still count.
 */
function expectedCharacters(html: string): Map<string, number> {
  const text = decodeHTML(
    html
      .replace(
        /<(script|style|noscript|template|title|svg|math|select|textarea|object|iframe|video|audio)\b[\s\S]*?<\/\1\s*>/gi,
        ' ',
      )
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<[a-zA-Z/!][^>]*>/g, ' '),
  );
  return countCharacters(text);
}

function countCharacters(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  // eslint-disable-next-line no-control-regex
  for (const ch of text.replace(
    /[\s\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffd]/g,
    '',
  )) {
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return counts;
}

describe.each([40, 80])('every real article at %i columns', (width) => {
  const files = readdirSync(realCorpus).sort();
  let corpus: Corpus;
  beforeAll(async () => {
    corpus = await loadCorpus(realCorpus);
  });

  it.each(files)('%s reads as a well-set article', async (file) => {
    const article = corpus.articles.find((a) => a.path === file)!;
    const body = await readBody(article);
    const rendered = await renderArticle(article, body, width);
    const lines = articleLines(rendered);
    const plain = toPlainText(lines);
    for (const line of plain.split('\n'))
      expect(displayWidth(line), line).toBeLessThanOrEqual(width);
    expect(plain).not.toMatch(
      /<\/?(?:p|div|span|img|a|br|strong|em|ul|ol|li|h\d|table|tr|td|pre|code|iframe|video|figure|section)\b[^>]*>/i,
    );
    // eslint-disable-next-line no-control-regex
    expect(plain).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(plain).not.toMatch(/\n\s*\n\s*\n/);
    const found = countCharacters(plain);
    const missing = [...expectedCharacters(body)].filter(([ch, n]) => (found.get(ch) ?? 0) < n);
    expect(missing, `characters lost from ${file}`).toEqual([]);
    const ansi = toAnsiText(lines, { hyperlinks: true });
    // eslint-disable-next-line no-control-regex
    const withoutOurs = ansi
      .replace(/\u001b\[[0-9;]*m/g, '')
      .replace(/\u001b\]8;;[^\u001b\u0007]*\u001b\\/g, '');
    // eslint-disable-next-line no-control-regex
    expect(withoutOurs).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(path.basename(file)).toBe(file);
  });
});
