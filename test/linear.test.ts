import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleLines, layoutArticle } from '../src/render/article.js';
import { htmlToDoc } from '../src/render/html.js';
import { markdownReader } from '../src/text/markdown.js';
import { boundNesting, MAX_CONTAINERS } from '../src/text/markdown.js';
import { toPlainText } from '../src/render/plain.js';
import { makeArticle, projectRoot } from './helpers.js';
import { countWork } from './work-meter.js';

/**
 * Every article renders in work that grows as its size does: small hostile
 * inputs made four times larger must cost about four times as much, not
 * sixteen. Work is counted (test/work-meter.ts), not timed.
 */
let markdown: (source: string) => string;
beforeAll(async () => {
  markdown = await markdownReader();
});

/** The whole of what `cat` does to a body: Markdown to HTML, HTML to a document, lines at 80 columns, text. */
function render(body: string, format: 'html' | 'markdown', title = 'Title'): string {
  const html = format === 'markdown' ? markdown(body) : body;
  const article = makeArticle({ title, format });
  const doc = htmlToDoc(html, { articleFile: article.absolutePath });
  return toPlainText(articleLines(layoutArticle(article, doc, 80, { plain: true })));
}

const nested = (open: string, close: string) => (n: number) =>
  `${open.repeat(n)}x${close.repeat(n)}`;

/** Inputs of size about n: the shapes that once cost the square of their size, or more. */
const SHAPES: Record<string, { format: 'html' | 'markdown'; make: (n: number) => string }> = {
  'nested <div>': { format: 'html', make: nested('<div>', '</div>') },
  'nested <span>': { format: 'html', make: nested('<span>', '</span>') },
  'nested <a>': { format: 'html', make: nested('<a href="https://e.org/">', '</a>') },
  'nested <b><i>': { format: 'html', make: nested('<b><i>', '</i></b>') },
  'unclosed <b>': { format: 'html', make: (n) => `<p>${'<b>word '.repeat(n)}</p>` },
  'stray closing tags under deep nesting': {
    format: 'html',
    make: (n) => `${'<div>'.repeat(n)}x${'</span>'.repeat(n)}`,
  },
  'nested lists and quotes': {
    format: 'html',
    make: nested('<ul><li><blockquote>', '</blockquote></li></ul>'),
  },
  'nested tables': { format: 'html', make: nested('<table><tr><td>', '</td></tr></table>') },
  'a <pre> line of tabs': { format: 'html', make: (n) => `<pre>${'\t'.repeat(n)}x</pre>` },
  'a paragraph of no-break spaces': {
    format: 'html',
    make: (n) => `<p>${'&nbsp;'.repeat(n)}x</p><p>a${'&nbsp;'.repeat(n)}</p>`,
  },
  'links side by side': {
    format: 'html',
    make: (n) => `<p>${'<a href="https://e.org/a">link</a>'.repeat(n)}</p>`,
  },
  'a table whose cell spans every row': {
    format: 'html',
    make: (n) =>
      `<table><tr><td rowspan="0">all</td><td>a</td></tr>${'<tr><td>b</td></tr>'.repeat(n)}</table>`,
  },
  '> repeated': { format: 'markdown', make: (n) => `${'>'.repeat(n)} x\n` },
  '* around a word': { format: 'markdown', make: (n) => `${'*'.repeat(n)}x${'*'.repeat(n)}\n` },
  '> - repeated': { format: 'markdown', make: (n) => `${'> - '.repeat(n)}x\n` },
  'emphasis opened word by word': {
    format: 'markdown',
    make: (n) => `${'*a '.repeat(n)}x${' b*'.repeat(n)}\n`,
  },
  'lists nested by indentation': {
    format: 'markdown',
    make: (n) => {
      const depth = Math.round(Math.sqrt(n));
      return Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- item\n`).join('');
    },
  },
  'quotes one deeper each line': {
    format: 'markdown',
    make: (n) => {
      const depth = Math.round(Math.sqrt(2 * n));
      return Array.from({ length: depth }, (_, i) => `${'>'.repeat(i + 1)} x\n`).join('');
    },
  },
};

describe('render work grows as the input does', () => {
  it.each(Object.entries(SHAPES))(
    '%s',
    (_, { format, make }) => {
      const small = make(1000);
      const large = make(4000);
      const workSmall = countWork(() => void render(small, format));
      const workLarge = countWork(() => void render(large, format));
      const growth = workLarge / workSmall;
      const sizeGrowth = large.length / small.length;
      expect(growth, `work ${workSmall} → ${workLarge}`).toBeLessThan(1.5 * sizeGrowth);
    },
    60_000,
  );

  it('for a long title', () => {
    const work = (n: number) => countWork(() => void render('<p>x</p>', 'html', 'word '.repeat(n)));
    expect(work(16_000) / work(4000)).toBeLessThan(6);
  }, 60_000);
});

describe('Markdown nesting is bounded before the parser reads it', () => {
  it('keeps at most the bounded number of quote and list markers at a line start', () => {
    const bounded = boundNesting(`${'> - '.repeat(2000)}x\n${'>'.repeat(3000)} y\n`).split('\n');
    expect(bounded[0]!.match(/[>-]/g)).toHaveLength(MAX_CONTAINERS);
    expect(bounded[0]!.endsWith('x')).toBe(true);
    expect(bounded[1]!.match(/>/g)).toHaveLength(MAX_CONTAINERS);
  });

  it('leaves code fences and code spans as written, and ordinary Markdown unchanged', () => {
    const code = `\`\`\`\n${'*'.repeat(50)}\n${' '.repeat(60)}deep\n\`\`\`\nsee \`${'*'.repeat(20)}\`\n`;
    expect(boundNesting(code)).toBe(code);
    const demo = readdirSync(path.join(projectRoot, 'articles'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => readFileSync(path.join(projectRoot, 'articles', name), 'utf8'));
    for (const text of demo) expect(boundNesting(text)).toBe(text);
  });

  it('reads past-the-bound emphasis as the characters it is', () => {
    const out = render(`${'*'.repeat(3000)}x${'*'.repeat(3000)}\n`, 'markdown');
    expect(out).toContain(`${'*'.repeat(40)}x`);
  });
});

describe('patterns over article text', () => {
  /** Pattern literals in the renderer and the text functions, with where they are. */
  const patterns = ['src/render', 'src/text'].flatMap((folder) =>
    readdirSync(path.join(projectRoot, folder))
      .filter((name) => name.endsWith('.ts'))
      .flatMap((name) => {
        const source = readFileSync(path.join(projectRoot, folder, name), 'utf8');
        return [
          ...source.matchAll(
            /(?<=[(=,:!&|?]\s*)\/((?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\n\\[])+)\/[a-z]*/g,
          ),
        ].map((m) => ({ where: `${folder}/${name}`, body: m[1]! }));
      }),
  );

  it('never look for a run at a text’s end by trying every start (/\\s+$/ on 100 000 spaces is 10^10 steps)', () => {
    expect(patterns.length).toBeGreaterThan(20);
    const fromEveryStart = patterns.filter(
      ({ body }) => !body.startsWith('^') && /(?:[+*]|\{\d+,\})\$$/.test(body),
    );
    expect(fromEveryStart).toEqual([]);
  });
});
