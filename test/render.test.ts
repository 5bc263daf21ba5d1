import { describe, expect, it } from 'vitest';
import { searchableText } from '../src/corpus/body.js';
import type { Article } from '../src/corpus/article.js';
import { lineToAnsi } from '../src/render/ansi.js';
import { articleLines, renderArticle } from '../src/render/article.js';
import { htmlToDoc } from '../src/render/html.js';
import { layoutDoc } from '../src/render/layout.js';
import { toPlainText } from '../src/render/plain.js';
import { displayWidth } from '../src/text/width.js';
import { makeArticle } from './helpers.js';

const render = (html: string, width = 60) =>
  toPlainText(layoutDoc(htmlToDoc(html, { articleFile: '/news/post.md' }), width));

const fakeArticle = (fields: Partial<Article> = {}) =>
  makeArticle({ categories: [['A', 'B']], author: 'Ann', ...fields });

describe('blocks', () => {
  it('makes seven empty paragraphs and a run of <br> one blank line', () => {
    expect(
      render(
        '<p>one</p><p></p><p></p><p> </p><p></p><p></p><p></p><p></p><p>two</p><br><br><br><br><p>three</p>',
      ),
    ).toBe('one\n\ntwo\n\nthree');
  });

  it('keeps a single <br> as a line break and <br><br> as a paragraph break', () => {
    expect(render('<p>a<br>b<br><br>c</p>')).toBe('a\nb\n\nc');
  });

  it('underlines h1 and h2 in plain text', () => {
    expect(render('<h1>Big</h1><h2>Smaller</h2><h3>Small</h3><p>x</p>')).toBe(
      'Big\n===\n\nSmaller\n-------\n\nSmall\n\nx',
    );
  });

  it('indents nested lists with bullets and numbers', () => {
    expect(
      render(
        '<ul><li>one<ul><li>inner<ol start="3"><li>three</li><li>four</li></ol></li></ul></li><li>two</li></ul>',
      ),
    ).toBe(['• one', '  ◦ inner', '    3. three', '    4. four', '• two'].join('\n'));
  });

  it('sets blockquotes off with a bar', () => {
    expect(render('<blockquote><p>quoted words</p><p>more</p></blockquote>', 14)).toBe(
      '│ quoted words\n│\n│ more',
    );
  });

  it('keeps the spacing of <pre> and marks hard-wrapped lines', () => {
    const out = render(
      '<pre><code>if (x) {\n\treturn    1;\n}\n' + 'y'.repeat(40) + '</code></pre>',
      30,
    );
    expect(out.split('\n')).toEqual([
      '  if (x) {',
      '          return    1;',
      '  }',
      `  ${'y'.repeat(27)}↩`,
      `  ${'y'.repeat(13)}`,
    ]);
  });

  it('aligns a CJK table by display width', () => {
    const out = render(
      '<table><tr><th>名称</th><th>数量</th></tr><tr><td>苹果</td><td>12</td></tr><tr><td>Banana split</td><td>3</td></tr></table>',
    );
    const lines = out.split('\n');
    const bars = lines
      .filter((l) => l.includes('│'))
      .map((l) => displayWidth(l.slice(0, l.indexOf('│'))));
    expect(new Set(bars).size).toBe(1);
    expect(lines[0]).toMatch(/^名称 +│ 数量$/);
    expect(lines[1]).toMatch(/^─+┼─+$/);
  });

  it('stacks a table that cannot fit as label: value lines', () => {
    const row = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
    const head = `<tr>${['Name', 'Colour', 'Size'].map((c) => `<th>${c}</th>`).join('')}</tr>`;
    const out = render(
      `<table>${head}${row(['Antidisestablishment', 'Ultramarine', 'Enormous'])}</table>`,
      30,
    );
    expect(out).toContain('Name: Antidisestablishment');
    expect(out).toContain('Colour: Ultramarine');
    for (const line of out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(30);
  });

  it('survives 20 000 nested divs without a stack overflow', () => {
    const html = '<div>'.repeat(20_000) + 'deep text' + '</div>'.repeat(20_000);
    expect(render(html)).toBe('deep text');
    const quotes = '<blockquote>'.repeat(5000) + 'quoted' + '</blockquote>'.repeat(5000);
    expect(render(quotes, 80)).toContain('quoted');
  });
});

describe('links and images', () => {
  it('numbers links and lists them after the body, dropping javascript: links', async () => {
    const rendered = await renderArticle(
      fakeArticle(),
      '<p>See <a href="https://a.example/x">this</a>, <a href="javascript:alert(1)">that</a> and <a href="https://a.example/x">again</a>.</p>',
      60,
    );
    const text = toPlainText(articleLines(rendered));
    expect(text).toContain('See this[1], that and again[1].');
    expect(text.endsWith('[1] https://a.example/x')).toBe(true);
    expect(text).not.toContain('javascript');
  });

  it('prefers data-original, unwraps a proxy and lists the image', async () => {
    const rendered = await renderArticle(
      fakeArticle(),
      '<img class="lazy" data-original="http://img.example/a.jpg" src="https://cors.zfour.workers.dev/?http://img.example/b.jpg" alt="A cat">' +
        '<img src="https://cors.zfour.workers.dev/?http://img.example/c.jpg">',
      60,
    );
    const text = toPlainText(articleLines(rendered));
    expect(text).toContain('[image 1: A cat]');
    expect(text).toContain('[image 2: c.jpg]');
    expect(text).toContain('[1] http://img.example/a.jpg');
    expect(text).toContain('[2] http://img.example/c.jpg');
    expect(text).not.toContain('cors.zfour');
  });

  it('resolves relative images against the article and decodes data: URIs', () => {
    const doc = htmlToDoc(
      '<img src="assets/a.png"><img src="data:image/png;base64,iVBORw0KGgo=">',
      { articleFile: '/news/2021/post.md' },
    );
    const images = doc.blocks.flatMap((b) => (b.kind === 'image' ? [b.image.source] : []));
    expect(images[0]).toEqual({ kind: 'file', path: '/news/2021/assets/a.png' });
    expect(images[1]).toMatchObject({ kind: 'data', mime: 'image/png' });
    expect(images[1]!.kind === 'data' && Array.from(images[1]!.bytes.slice(0, 4))).toEqual([
      0x89, 0x50, 0x4e, 0x47,
    ]);
  });

  it('drops scripts, styles, comments and tracking pixels; labels players as links', () => {
    const out = render(
      '<script>alert(1)</script><style>p{}</style><noscript>enable js</noscript><!-- hidden --><p>kept</p>' +
        '<img src="http://t.example/pixel.gif" width="1" height="1"><iframe src="https://www.youtube.com/embed/x"></iframe>' +
        '<video><source src="https://v.example/a.mp4">fallback</video>',
    );
    expect(out).toBe('kept\n\n[embed: www.youtube.com][1]\n\n[video][2]');
  });
});

describe('terminal safety', () => {
  const hostile = 'A\u001b[2J\u001b]0;owned\u0007B\u009bC\u0000D\u202eE';

  it('keeps control characters of title and body out of plain and ANSI output', async () => {
    const rendered = await renderArticle(
      fakeArticle({ title: hostile, author: hostile }),
      `<p>${hostile}</p><pre>${hostile}</pre><a href="https://x.example/\u001b]8;;evil">${hostile}</a>`,
      60,
    );
    const plain = toPlainText(articleLines(rendered));
    const ansi = articleLines(rendered)
      .map((line) => lineToAnsi(line, { hyperlinks: true }))
      .join('\n');
    expect(plain).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    // Only our own SGR and OSC 8 sequences remain in ANSI output.
    const stripped = ansi
      .replace(/\u001b\[[0-9;]*m/g, '')
      .replace(/\u001b\]8;;[^\u001b\u0007]*\u001b\\/g, '');
    expect(stripped).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    const targets = [...ansi.matchAll(/\u001b\]8;;([^\u001b]*)\u001b\\/g)].map((m) => m[1]);
    expect(targets).toContain('https://x.example/]8;;evil');
  });
});

describe('markdown', () => {
  it('renders headings, emphasis, lists, code fences, links and raw HTML like HTML', async () => {
    const rendered = await renderArticle(
      fakeArticle({ format: 'markdown' }),
      '# Heading\n\nSome *em* and **strong** text with [a link](https://l.example).\n\n- one\n- two\n  1. nested\n\n```sh\n  indented code\n```\n\n<p>raw <b>HTML</b> paragraph</p>\n\n![alt text](img/pic.png)\n',
      40,
    );
    expect(toPlainText(rendered.body).split('\n')).toEqual([
      'Heading',
      '=======',
      '',
      'Some em and strong text with a link[1].',
      '',
      '• one',
      '• two',
      '  1. nested',
      '',
      '    indented code',
      '',
      'raw HTML paragraph',
      '',
      '[image 2: alt text]',
    ]);
    expect(rendered.doc.references.map((r) => r.target)).toEqual([
      'https://l.example',
      '/news/img/pic.png',
    ]);
  });
});

describe('meaning in plain text', () => {
  it('writes raised and lowered text, changes and soft hyphens as a reader types them', async () => {
    expect(await render('<p>10<sup>100</sup> and H<sub>2</sub>O</p>')).toBe('10^100 and H_2O');
    expect(await render('<p>It was <del>old</del><ins>new</ins>.</p>')).toBe(
      'It was [-old-]{+new+}.',
    );
    expect(await render('<p>dis&shy;entangle</p>')).toBe('disentangle');
  });

  it('counts a list as its type says', async () => {
    expect(await render('<ol type="a"><li>x</li><li>y</li></ol>')).toBe('a. x\nb. y');
    expect(await render('<ol type="I" start="3"><li>z</li><li>w</li></ol>')).toBe('III. z\n IV. w');
  });

  it('unwraps a proxy in links and frames as in pictures', async () => {
    const html =
      '<p><a href="https://cors.zfour.workers.dev/?https://example.org/real">link</a></p><iframe src="https://cors.zfour.workers.dev/?https://videos.example.com/embed/1"></iframe>';
    const out = toPlainText(articleLines(await renderArticle(makeArticle(), html, 60)));
    expect(out).toContain('[embed: videos.example.com][2]');
    expect(out).toContain('[1] https://example.org/real\n[2] https://videos.example.com/embed/1');
    expect(out).not.toContain('cors.zfour');
  });

  it('lets a body search find words split by inline tags', () => {
    expect(searchableText('<p>你好<b>世界</b></p><p>next</p>')).toBe(' 你好世界 next ');
  });
});

describe('where numbers and lines fall', () => {
  it('puts a link number where the word ends, not inside it; in Chinese, right after the link', async () => {
    const text = toPlainText(
      articleLines(
        await renderArticle(
          makeArticle(),
          '<p>disentang<a href="https://e.org/a">lem</a>ent and <a href="https://e.org/b">this</a>, then 中文<a href="https://e.org/c">链接</a>后面</p>',
          80,
        ),
      ),
    );
    expect(text).toContain('disentanglement[1] and this[2], then 中文链接[3]后面');
  });

  it('starts no line with closing punctuation after a space, and breaks long words at dashes and slashes', async () => {
    const lines = (
      await render('<p>他说了很多话，然后 ……就走了。这一行字数要够长才能看到效果</p>', 26)
    ).split('\n');
    for (const line of lines) expect(line).not.toMatch(/^[……，。）」]/);
    expect(await render('<p>password authentication—Stanford and/or more</p>', 20)).toBe(
      'password\nauthentication—\nStanford and/or more',
    );
  });
});

describe('blocks that stand apart', () => {
  it('marks lower headings in plain text, and indents a description', async () => {
    const plain = async (html: string) =>
      toPlainText((await renderArticle(makeArticle(), html, 40, { plain: true })).body);
    expect(await plain('<h3>Three</h3><p>text</p>')).toBe('### Three\n\ntext');
    expect(await plain('<h2>Two</h2>')).toBe('Two\n---');
    expect(await render('<h3>Three</h3>')).toBe('Three');
    expect(await render('<dl><dt>Borrow</dt><dd>A reference that does not own.</dd></dl>')).toBe(
      'Borrow\n\n  A reference that does not own.',
    );
  });
});

describe('pictures in a sentence', () => {
  it('stay in it as their marker when text-sized or mid-line; others stand apart', async () => {
    expect(await render('<p>点选「<img src="https://e.org/i.png">」就可加入</p>')).toBe(
      '点选「[image 1: i.png]」就可加入',
    );
    expect(
      await render('<p>Badge <img src="https://e.org/b.png" width="20" height="20"> here</p>'),
    ).toBe('Badge [image 1: b.png] here');
    expect(
      await render('<p>Photo:<img src="https://e.org/p.jpg" width="600" height="400"></p>'),
    ).toBe('Photo:\n\n[image 1: p.jpg]');
    expect(await render('<p><img src="https://e.org/p.jpg">Caption</p>')).toBe(
      '[image 1: p.jpg]\n\nCaption',
    );
  });
});

describe('code as written', () => {
  it('keeps the angle brackets of generics in <pre>, written raw or as entities', async () => {
    expect(
      await render(
        '<pre>Map&lt;K, V&gt; m;\nclass Box<T extends Comparable<T>> {\n  <U> U map(Function<T, U> f);\n}</pre><p>after</p>',
        80,
      ),
    ).toBe(
      '  Map<K, V> m;\n  class Box<T extends Comparable<T>> {\n    <U> U map(Function<T, U> f);\n  }\n\nafter',
    );
    expect(await render('<pre><span class="k">let</span> x = <b>1</b>;</pre>', 80)).toBe(
      '  let x = 1;',
    );
  });
});

describe('link numbers keep to their own link', () => {
  const ansiLines = (html: string, width = 80) =>
    layoutDoc(htmlToDoc(html, { articleFile: '/news/post.md' }), width).map((line) =>
      lineToAnsi(line, { hyperlinks: true }),
    );

  it('keeps links side by side apart, each with its number and its own target', () => {
    const html =
      '<p><a href="https://e.org/paper">Read paper</a><a href="https://e.org/code">View code</a><a href="https://e.org/samples">View samples</a></p>';
    expect(render(html)).toBe('Read paper[1]View code[2]View samples[3]');
    const [line] = ansiLines(html);
    for (const [text, target] of [
      ['Read paper', 'https://e.org/paper'],
      ['View code', 'https://e.org/code'],
      ['View samples', 'https://e.org/samples'],
    ])
      expect(line).toContain(`\u001b]8;;${target}\u001b\\\u001b[4;94m${text}\u001b[0m`);
  });

  it('puts the number after the link, not after the next word or across punctuation', () => {
    expect(render('<p><a href="https://e.org/a">link </a>word after</p>')).toBe(
      'link[1] word after',
    );
    expect(render('<p><a href="https://e.org/a">Read more.</a>Next one.</p>')).toBe(
      'Read more.[1]Next one.',
    );
    expect(render('<p>Whitfield <a href="https://e.org/d">Diffie </a>and Martin</p>')).toBe(
      'Whitfield Diffie[1] and Martin',
    );
  });

  it('never nests brackets: a link in brackets, or whose text is a number in brackets', () => {
    expect(render('<p>as shown[<a href="https://e.org/n">3</a>] before</p>')).toBe(
      'as shown[3][1] before',
    );
    expect(render('<p>see <a href="https://e.org/n">[1]</a>.</p>')).toBe('see [1][1].');
  });

  it('keeps the number on the line of its word: after a <br> in the link, at a line end, in Chinese', () => {
    expect(render('<p><a href="https://e.org/s">来源：ITmedia<br></a>下一段</p>')).toBe(
      '来源：ITmedia[1]\n下一段',
    );
    const text = `<p>${'一二三四五六七八九十'.repeat(3)}<a href="https://e.org/l">链接</a>后面的文字，${'English words '.repeat(6)}<a href="https://e.org/w">linked</a> after</p>`;
    for (let width = 10; width <= 44; width++) {
      const lines = render(text, width).split('\n');
      for (const line of lines) expect(line, `width ${width}`).not.toMatch(/^\[\d+\]/);
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    }
  });

  it('ends an outer link where a link inside it starts', () => {
    expect(
      render(
        '<p><a href="https://e.org/out">outer <a href="https://e.org/in">inner</a></a> tail</p>',
      ),
    ).toBe('outer[1] inner[2] tail');
  });

  it('keeps a URL with a line break in it on one line', async () => {
    const rendered = await renderArticle(
      fakeArticle(),
      '<p><a href="https://e.org/a\nb/c\r\n">split</a></p>',
      60,
      { plain: true },
    );
    const text = toPlainText(articleLines(rendered));
    expect(text).toContain('split[1]');
    expect(text.endsWith('[1] https://e.org/ab/c')).toBe(true);
  });
});

describe('pictures with nothing to load', () => {
  it('reads a picture kept in the article as a note, not a link', async () => {
    const rendered = await renderArticle(
      fakeArticle(),
      '<p>x</p><img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">',
      60,
    );
    const references = rendered.references;
    expect(toPlainText(references)).toBe('[1] (embedded image/png, 8 bytes)');
    const ansi = lineToAnsi(references[0]!, { hyperlinks: true });
    expect(ansi).not.toContain('\u001b]8;');
    expect(ansi).not.toMatch(/\u001b\[[\d;]*4[;m]/);
  });

  it('keeps the description of a picture without a source', () => {
    expect(render('<p>Before <img alt="A chart of sales"> after</p>')).toBe(
      'Before [image: A chart of sales] after',
    );
  });
});

describe('text in elements that hold it differently', () => {
  it('reads formulas, drawings’ labels, list boxes and text areas', () => {
    expect(
      render(
        '<p>Euler: <math><semantics><mi>e</mi><mo>=</mo><mn>2.718</mn><annotation encoding="application/x-tex">e=2.718</annotation></semantics></math> done.</p>',
      ),
    ).toBe('Euler: e=2.718 done.');
    expect(
      render(
        '<p><svg viewBox="0 0 9 9"><rect width="4"/><text x="1">North</text><text>South</text></svg> map</p>',
      ),
    ).toBe('North South map');
    expect(
      render('<p>Pick <select><option>red</option><option>blue</option></select> now</p>'),
    ).toBe('Pick red blue now');
    expect(render('<p>Say <textarea>your words</textarea></p>')).toBe('Say your words');
  });

  it('breaks lines and paragraphs at the Unicode line and paragraph separators', () => {
    expect(render('<p>line one\u2028line two\u2029para two</p>')).toBe(
      'line one\nline two\n\npara two',
    );
    expect(render('<pre>a\u2028b</pre>', 40)).toBe('  a\n  b');
  });
});

describe('lists that count their own way', () => {
  it('restarts at an item’s value and counts down when reversed', () => {
    expect(render('<ol><li>a</li><li value="10">b</li><li>c</li></ol>')).toBe(
      ' 1. a\n10. b\n11. c',
    );
    expect(render('<ol reversed><li>a</li><li>b</li><li>c</li></ol>')).toBe('3. a\n2. b\n1. c');
    expect(render('<ol reversed start="10"><li>a</li><li>b</li></ol>')).toBe('10. a\n 9. b');
  });

  it('keeps the boxes of a Markdown task list', async () => {
    const rendered = await renderArticle(
      fakeArticle({ format: 'markdown' }),
      '- [ ] to do\n- [x] done\n',
      40,
    );
    expect(toPlainText(rendered.body)).toBe('• [ ] to do\n• [x] done');
  });
});

describe('styles on a terminal', () => {
  const ansi = (html: string) =>
    layoutDoc(htmlToDoc(html, { articleFile: '/news/post.md' }), 60)
      .map((line) => lineToAnsi(line, { hyperlinks: false }))
      .join('\n');

  it('strikes a deletion through with its marks, underlines insertions, highlights, quotes', () => {
    expect(ansi('<p><del>old</del></p>')).toBe('\u001b[9m[-old-]\u001b[0m');
    expect(ansi('<p><ins>new</ins></p>')).toBe('\u001b[4m{+new+}\u001b[0m');
    expect(ansi('<p><u>under</u></p>')).toBe('\u001b[4munder\u001b[0m');
    expect(ansi('<p><mark>found</mark></p>')).toMatch(/^\u001b\[[\d;]*(?:43|7)[\d;]*mfound/);
    expect(ansi('<p>He said <q>yes</q>.</p>')).toBe('He said “yes”.');
  });

  it('sets each heading level below the second apart from the others and from body text', () => {
    const looks = ['h3', 'h4', 'h5', 'h6'].map(
      (tag) => /^(\u001b\[[\d;]*m)?/.exec(ansi(`<${tag}>Title</${tag}>`))![1] ?? '',
    );
    expect(looks.every((look) => look !== '')).toBe(true);
    expect(new Set(looks).size).toBe(4);
  });
});
