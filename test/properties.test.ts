import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readArticleFile } from '../src/corpus/read.js';
import { lineToAnsi, safeHyperlink } from '../src/render/ansi.js';
import { articleLines, renderArticle } from '../src/render/article.js';
import { toPlainText } from '../src/render/plain.js';
import { displayWidth } from '../src/text/width.js';
import { hostileFrontMatter, hostileHtml, HOSTILE_TEXT } from './fixtures/hostile.js';
import { makeArticle, tempCorpus } from './helpers.js';

const RUNS = { numRuns: 150, seed: 20261126 };
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const OUR_SEQUENCES = /\u001b\[[0-9;]*m|\u001b\]8;;([^\u0007\u001b]*)\u001b\\/g;

describe('the renderer, on random hostile HTML', () => {
  it('never throws, keeps every line within the width, and lets no control byte through', async () => {
    await fc.assert(
      fc.asyncProperty(hostileHtml, fc.integer({ min: 8, max: 120 }), async (html, width) => {
        const article = makeArticle({
          title: `T\u001b[2J${html.slice(0, 20)}`,
          absolutePath: '/news/post.md',
        });
        const rendered = await renderArticle(article, html, width);
        const lines = articleLines(rendered);
        const plain = toPlainText(lines);
        expect(plain).not.toMatch(CONTROL_BUT_NEWLINE);
        for (const line of plain.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
        const ansi = lines.map((line) => lineToAnsi(line, { hyperlinks: true })).join('\n');
        for (const [, url] of ansi.matchAll(OUR_SEQUENCES))
          if (url) expect(safeHyperlink(url)).toBe(url);
        expect(ansi.replace(OUR_SEQUENCES, '')).not.toMatch(CONTROL_BUT_NEWLINE);
      }),
      RUNS,
    );
  });

  it('keeps every printable character of plain text', async () => {
    const word = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
      .filter((s) => !/[<>&\s]/.test(s));
    await fc.assert(
      fc.asyncProperty(
        fc.array(word, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 4, max: 80 }),
        async (words, width) => {
          const rendered = await renderArticle(makeArticle(), `<p>${words.join(' ')}</p>`, width);
          const count = (text: string) => {
            const counts = new Map<string, number>();
            for (const ch of text.replace(
              /[\s\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b\ufeff\u2028\u2029]/g,
              '',
            ))
              counts.set(ch, (counts.get(ch) ?? 0) + 1);
            return counts;
          };
          const out = count(toPlainText(rendered.body));
          for (const [ch, n] of count(words.join('')))
            expect(
              out.get(ch) ?? 0,
              `${JSON.stringify(ch)} in ${JSON.stringify(words)}`,
            ).toBeGreaterThanOrEqual(n);
        },
      ),
      RUNS,
    );
  });
});

describe('the corpus layer, on random front matter', () => {
  it('never throws, and gives an article with a clean one-line title or a reason', async () => {
    const samples = fc.sample(fc.tuple(hostileFrontMatter, fc.constantFrom(...HOSTILE_TEXT)), {
      numRuns: 150,
      seed: RUNS.seed,
    });
    const files = Object.fromEntries(
      samples.map(([front, body], i) => [`p${i}.md`, `---\n${front}\n---\n${body}\n`]),
    );
    const root = tempCorpus(files);
    for (const name of Object.keys(files)) {
      const outcome = await readArticleFile(root, path.join(root, name));
      if (outcome.kind === 'article') {
        expect(outcome.article.title).not.toBe('');
        expect(outcome.article.title).not.toMatch(
          /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/,
        );
        for (const path of outcome.article.categories)
          for (const part of path) expect(part).not.toMatch(CONTROL_BUT_NEWLINE);
        expect(Number.isFinite(outcome.article.date)).toBe(true);
      } else {
        // Only a .txt file without front matter is ignored; a .md file is an article or says why not.
        expect(outcome.kind).toBe('skipped');
        if (outcome.kind === 'skipped') expect(outcome.problem.reason).toMatch(/^[a-z].{4,}/);
      }
    }
  });
});
