import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticleFile } from '../src/corpus/read.js';
import { bodyToDoc } from '../src/render/article.js';
import { htmlToDoc } from '../src/render/html.js';
import { layoutDoc } from '../src/render/layout.js';
import { articleMarkdown, docMarkdown } from '../src/render/markdown-text.js';
import { toPlainText } from '../src/render/plain.js';
import { markdownToHtml } from '../src/text/markdown.js';
import { demoCorpus, makeArticle, runMain, tempCorpus } from './helpers.js';

const markdownOf = (html: string) => docMarkdown(htmlToDoc(html, { articleFile: '/news/post.md' }));

describe('an article as Markdown', () => {
  it('writes headings, emphasis, links with their URLs and code as Markdown does', () => {
    expect(
      markdownOf(
        '<h2>Two</h2><h4>Four</h4><p>Some <b>bold</b>, <i>italic</i>, <s>gone</s>, <code>a`b</code> and <a href="https://e.org/x">a link</a>.</p><pre>let x = 1;\n```\n</pre><hr><blockquote><p>quoted</p><p>more</p></blockquote>',
      ),
    ).toBe(
      [
        '## Two',
        '',
        '#### Four',
        '',
        'Some **bold**, *italic*, ~~gone~~, ``a`b`` and [a link](https://e.org/x).',
        '',
        '````',
        'let x = 1;',
        '```',
        '````',
        '',
        '---',
        '',
        '> quoted',
        '>',
        '> more',
      ].join('\n'),
    );
  });

  it('writes lists as they count, nested under their items', () => {
    expect(
      markdownOf(
        '<ul><li>one<ul><li>inner</li></ul></li><li>two</li></ul><ol start="9"><li>nine</li><li>ten<ol><li>sub</li></ol></li></ol><ol reversed><li>b</li><li>a</li></ol>',
      ),
    ).toBe(
      [
        '- one',
        '  - inner',
        '- two',
        '',
        '9. nine',
        '10. ten',
        '    1. sub',
        '',
        '2. b',
        '1. a',
      ].join('\n'),
    );
  });

  it('writes pictures as ![alt](url), inside the link they stand for', () => {
    expect(
      markdownOf(
        '<img src="https://e.org/a.png" alt="A chart"><p><a href="https://e.org/page"><img src="https://e.org/b.png" alt="badge" width="20" height="20"></a> and <img src="https://e.org/i.png" width="16" height="16"> inline</p>',
      ),
    ).toBe(
      '![A chart](https://e.org/a.png)\n\n[![badge](https://e.org/b.png)](https://e.org/page) and ![i.png](https://e.org/i.png) inline',
    );
  });

  it('writes tables as GFM tables, aligned, a spanning cell in its first slot', () => {
    expect(
      markdownOf(
        '<table><tr><th>Name</th><th align="right">Count</th><th>Note</th></tr><tr><td>apples</td><td align="right">12</td><td>a | b</td></tr><tr><td colspan="2">both</td><td>c</td></tr></table>',
      ),
    ).toBe(
      [
        '| Name   | Count | Note   |',
        '| ------ | ----: | ------ |',
        '| apples | 12    | a \\| b |',
        '| both   |       | c      |',
      ].join('\n'),
    );
  });

  it('escapes text that Markdown would read as markup, and keeps bare addresses text', () => {
    expect(markdownOf('<p>2 * 3 = 6, [note], &lt;tag>, snake_case, _edge_</p>')).toBe(
      '2 \\* 3 = 6, \\[note\\], \\<tag>, snake_case, \\_edge\\_',
    );
    expect(markdownOf('<p># not a heading</p><p>1. not a list</p>')).toBe(
      '\\# not a heading\n\n1\\. not a list',
    );
    expect(markdownOf('<p>see https://e.org/x for more</p>')).toBe(
      'see https\\://e.org/x for more',
    );
  });

  it('closes emphasis that ends in punctuation before a letter', async () => {
    const html = '<p><strong>必经流程简化的设计思路：</strong>当可以预判用户可能的一系列操作时</p>';
    const again = htmlToDoc(await markdownToHtml(markdownOf(html)), { articleFile: '/x.md' });
    expect(again.blocks[0]).toEqual(htmlToDoc(html, { articleFile: '/x.md' }).blocks[0]);
  });

  it('starts with the title and the facts of the header', async () => {
    const article = makeArticle({
      title: 'A *star* title',
      author: 'Ann',
      categories: [['A', 'B']],
      link: 'https://e.org/source',
    });
    const doc = await bodyToDoc(article, '<p>Body.</p>');
    expect(articleMarkdown(article, doc)).toBe(
      '# A \\*star\\* title\n\n2021-11-16 21:10 · A/B · Ann · <https://e.org/source>\n\nBody.\n',
    );
  });

  it.each(
    readdirSync(demoCorpus)
      .filter((name) => /\.(md|html)$/.test(name))
      .sort(),
  )('reads back as the same text: %s', async (name) => {
    const outcome = await readArticleFile(demoCorpus, path.join(demoCorpus, name));
    if (outcome.kind !== 'article') throw new Error(`${name} is not an article`);
    const doc = await bodyToDoc(outcome.article, outcome.body);
    const again = htmlToDoc(await markdownToHtml(docMarkdown(doc)), {
      articleFile: outcome.article.absolutePath,
    });
    expect(toPlainText(layoutDoc(again, 80, true))).toBe(toPlainText(layoutDoc(doc, 80, true)));
    expect(again.references).toEqual(doc.references);
  });
});

describe('cat --format markdown', () => {
  it('prints each article as Markdown, a rule between them', async () => {
    const root = tempCorpus({
      'a.md':
        '---\ntitle: First\ndate: 2021-01-02\n---\n<p>See <a href="https://e.org/">this</a>.</p>',
      'b.md': '---\ntitle: Second\ndate: 2021-01-01\n---\n- one\n- two\n',
    });
    const result = await runMain(['cat', '--all', '--format', 'markdown', root]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      '# First\n\n2021-01-02 00:00\n\nSee [this](https://e.org/).\n\n---\n\n# Second\n\n2021-01-01 00:00\n\n- one\n- two\n',
    );
  });

  it('is offered by --help and refused when misspelt', async () => {
    expect((await runMain(['--help'])).stdout).toMatch(/--format .*markdown/);
    const wrong = await runMain(['cat', '--format', 'md', 'x.md']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--format takes plain, ansi, markdown');
  });
});
