import { decodeHTML } from 'entities/decode';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Article } from '../src/corpus/article.js';
import { readBody } from '../src/corpus/body.js';
import { ArticleColumns } from '../src/query/columns.js';
import { matchesQuery } from '../src/query/match.js';
import { narrowingFilter } from '../src/query/narrow.js';
import { parseQuery } from '../src/query/parse.js';
import { lineToAnsi } from '../src/render/ansi.js';
import { articleLines, renderArticle } from '../src/render/article.js';
import { toPlainText } from '../src/render/plain.js';
import { displayWidth } from '../src/text/width.js';

/**
 * The characters a reader should find, taken from the HTML independently of
 * the renderer: dropped elements removed, tags stripped, entities decoded,
 * white space and control characters ignored. Counted, so that a table's
 * cells read across lines still count.
 */
export function expectedCharacters(html: string): Map<string, number> {
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

export function countCharacters(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text.replace(
    /[\s\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffd]/g,
    '',
  )) {
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return counts;
}

/** An HTML article rendered at `width`: within the width, no tags, no control byte, no double blank line, nothing lost. */
export async function expectWellSet(article: Article, width: number): Promise<void> {
  const body = readBody(article);
  const rendered = await renderArticle(article, body, width);
  const lines = articleLines(rendered);
  const plain = toPlainText(lines);
  for (const line of plain.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
  // No markup left over: a tag in the text must be one the article wrote as text (`&lt;pre&gt;`).
  const written = decodeHTML(body.replace(/<[a-zA-Z/!][^>]*>/g, ' '));
  // A code line continued after ↩ is one line: `<A↩ ndroidNativeWindow>` is no `<a>` tag.
  const tags = plain
    .replace(/↩\n\s*/g, '')
    .match(
      /<\/?(?:p|div|span|img|a|br|strong|em|ul|ol|li|h\d|table|tr|td|pre|code|iframe|video|figure|section)\b[^>]*>/gi,
    );
  for (const tag of tags ?? []) expect(written, `markup left in ${article.path}`).toContain(tag);
  expect(plain).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  expect(plain).not.toMatch(/\n\s*\n\s*\n/);
  if (article.format === 'html') {
    const found = countCharacters(plain);
    const missing = [...expectedCharacters(body)].filter(([ch, n]) => (found.get(ch) ?? 0) < n);
    expect(missing, `characters lost from ${article.path}`).toEqual([]);
  }
  const ansi = lines.map((line) => lineToAnsi(line, { hyperlinks: true })).join('\n');
  const withoutOurs = ansi
    .replace(/\u001b\[[0-9;]*m/g, '')
    .replace(/\u001b\]8;;[^\u001b\u0007]*\u001b\\/g, '');
  expect(withoutOurs).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
}

/**
 * Typing a filter key by key (and erasing now and then) finds, at every
 * keystroke, what one filter over every article finds: the narrowing filter
 * never keeps or drops an article a full filter would not.
 */
export function expectNarrowingAgrees(
  articles: readonly Article[],
  keys: readonly string[],
  numRuns: number,
): void {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...keys), { minLength: 1, maxLength: 14 }),
      fc.array(fc.boolean(), { maxLength: 14 }),
      (typed, erase) => {
        const filter = narrowingFilter();
        const columns = new ArticleColumns(articles);
        let source = '';
        typed.forEach((k, i) => {
          source = erase[i] && source.length > 0 ? source.slice(0, -1) : source + k;
          const query = parseQuery(source);
          const expected = articles
            .filter((article) => matchesQuery(query, { article }))
            .map((a) => a.path);
          const found = columns.listing(filter(columns, null, source, query));
          expect(
            found.articles.map((a) => a.path),
            JSON.stringify(source),
          ).toEqual(expected);
          expect(Array.from(found.dates)).toEqual(found.articles.map((a) => a.date));
        });
      },
    ),
    { numRuns, seed: 11 },
  );
}
