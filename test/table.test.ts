import { describe, expect, it } from 'vitest';
import { articleLines, renderArticle } from '../src/render/article.js';
import { htmlToDoc } from '../src/render/html.js';
import { layoutDoc } from '../src/render/layout.js';
import { toPlainText } from '../src/render/plain.js';
import { displayWidth } from '../src/text/width.js';
import { makeArticle } from './helpers.js';

const render = (html: string, width = 60, plain = false) =>
  toPlainText(layoutDoc(htmlToDoc(html, { articleFile: '/news/post.md' }), width, plain));

/** The column at which `text` starts on the line that holds it. */
const columnOf = (out: string, text: string) => {
  const line = out.split('\n').find((l) => l.includes(text))!;
  return displayWidth(line.slice(0, line.indexOf(text)));
};

const HEAD = '<tr><th>Alpha</th><th>Beta</th><th>Gamma</th></tr>';
const COLSPAN = `<table>${HEAD}<tr><td colspan="2">spans two</td><td>c1</td></tr></table>`;
const ROWSPAN = `<table>${HEAD}<tr><td rowspan="2">both</td><td>b1</td><td>c1</td></tr><tr><td>b2</td><td>c2</td></tr></table>`;

describe('cells that span columns and rows', () => {
  it.each([false, true])('lay out as a grid (plain: %s)', (plain) => {
    const wide = render(COLSPAN, 60, plain);
    expect(columnOf(wide, 'c1')).toBe(columnOf(wide, 'Gamma'));
    expect(columnOf(wide, 'spans two')).toBe(columnOf(wide, 'Alpha'));
    const tall = render(ROWSPAN, 60, plain);
    expect(columnOf(tall, 'b2')).toBe(columnOf(tall, 'Beta'));
    expect(columnOf(tall, 'c2')).toBe(columnOf(tall, 'Gamma'));
    expect(columnOf(tall, 'c1')).toBe(columnOf(tall, 'Gamma'));
  });

  it('give a spanning cell the width of its columns and the separators between them', () => {
    const out = render(
      `<table>${HEAD}<tr><td colspan="3">a cell as wide as the whole table</td></tr><tr><td>a</td><td>b</td><td>z</td></tr></table>`,
      40,
    );
    const lines = out.split('\n');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    expect(lines.find((l) => l.includes('a cell as wide'))).not.toContain('│');
    expect(columnOf(out, 'z')).toBe(columnOf(out, 'Gamma'));
  });

  it('break the rule between rows where a cell goes on through it', () => {
    const out = render(
      `<table>${HEAD}<tr><td rowspan="2">tall cell text</td><td>b1</td><td>a long cell that wraps</td></tr><tr><td>b2</td><td>c2</td></tr></table>`,
      30,
    );
    const rules = out.split('\n').filter((l) => /[─┼├]/.test(l));
    expect(rules.some((rule) => /^ +├─/.test(rule))).toBe(true);
  });

  it('are labelled by the headers above them when stacked as label: value lines', () => {
    const wide = render(COLSPAN, 16);
    expect(wide).toContain('Gamma: c1');
    expect(wide.replace(/\n\s+/g, ' ')).toContain('Alpha / Beta: spans two');
    const tall = render(ROWSPAN, 16);
    expect(tall.split('\n\n')).toEqual(['Alpha: both\nBeta: b1\nGamma: c1', 'Beta: b2\nGamma: c2']);
  });

  it('span the rest of the table with rowspan="0", and no further than the table', () => {
    const out = render(
      `<table>${HEAD}<tr><td rowspan="0">all</td><td>b1</td><td>c1</td></tr><tr><td>b2</td><td>c2</td></tr><tr><td rowspan="9">b3</td><td>c3</td></tr></table>`,
    );
    expect(columnOf(out, 'b3')).toBe(columnOf(out, 'Beta'));
    expect(columnOf(out, 'c3')).toBe(columnOf(out, 'Gamma'));
  });
});

describe('column widths', () => {
  it('give each CJK column two characters before a URL gets more than its longest word', () => {
    const html =
      '<table><tr><th>名称</th><th>简介</th><th>更多</th><th>作者</th><th>状态</th><th>链接</th></tr><tr><td>终端阅读器</td><td>一个在终端里阅读文章的工具，支持中文换行</td><td>开源软件项目</td><td>开发笔记</td><td>维护中</td><td>https://www.example.com/read?id=8812931&amp;from=timeline&amp;isappinstalled=0</td></tr></table>';
    for (const width of [50, 60, 80]) {
      const lines = render(html, width).split('\n');
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      expect(lines[0], `width ${width}`).toMatch(/^名称 +│ 简介 +│ 更多 +│ 作者 +│ 状态 +│ 链接$/);
      // No column reads as a list of single characters.
      const columns = lines
        .filter((l) => !l.includes('┼'))
        .map((l) => l.split('│').map((c) => c.trim()));
      for (let c = 0; c < 5; c++) {
        const single = columns.filter((row) => /^[\u4e00-\u9fff]$/.test(row[c] ?? ''));
        expect(single.length, `width ${width}, column ${c}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('keep the indentation of code in a cell', () => {
    const out = render(
      '<table><tr><td>code</td><td><pre>def f():\n    return 1\n\tpass</pre></td></tr></table>',
      40,
    );
    expect(out.split('\n')).toEqual([
      'code │ def f():',
      '     │     return 1',
      '     │         pass',
    ]);
  });

  it('align cells as the table says, and as Markdown’s columns say', async () => {
    const rendered = await renderArticle(
      makeArticle({ format: 'markdown' }),
      '| Left | Centre | Right |\n|:--|:-:|--:|\n| a | b | c |\n| long left | long centre | long right |\n',
      60,
    );
    const lines = toPlainText(articleLines(rendered)).split('\n');
    const row = lines.find((l) => l.startsWith('a '))!;
    const last = lines.find((l) => l.startsWith('long left'))!;
    expect(columnOf(row, 'c') + 1).toBe(displayWidth(last));
    const centre = columnOf(last, 'long centre');
    expect(columnOf(row, 'b')).toBe(centre + Math.floor(('long centre'.length - 1) / 2));
    expect(
      render(
        '<table><tr><td>x</td><td align="right">1</td></tr><tr><td>y</td><td style="text-align: right">100</td></tr></table>',
      ),
    ).toBe('x │   1\ny │ 100');
  });
});
