import { writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleLines, renderArticle } from '../../src/render/article.js';
import { toPlainText } from '../../src/render/plain.js';
import { displayWidth } from '../../src/text/width.js';
import { makeArticle, runCli, tempCorpus } from '../helpers.js';

const post = (title: string, date: string, body: string) =>
  `---\ntitle: ${title}\ndate: ${date}\n---\n${body}\n`;

/** Articles with more of one thing than the call stack has room for when spread into a call. */
const HUGE = {
  'a list of 130 000 items': `<ul>${'<li>item</li>'.repeat(130_000)}</ul>`,
  'a numbered list of 130 000 items': `<ol>${'<li>item</li>'.repeat(130_000)}</ol>`,
  'a <pre> of 150 000 lines': `<pre>${'a line of code\n'.repeat(150_000)}</pre>`,
  'a table of 150 000 rows': `<table>${'<tr><td>a</td><td>b</td></tr>'.repeat(150_000)}</table>`,
  'an 8 MB word': `<p>${'x'.repeat(8 * 1024 * 1024)}</p>`,
  'an 8 MB heading': `<h1>${'x'.repeat(8 * 1024 * 1024)}</h1>`,
  'a paragraph of 150 000 line breaks': `<p>${'a<br>'.repeat(150_000)}</p>`,
  'a quote of 150 000 paragraphs': `<blockquote>${'<p>a</p>'.repeat(150_000)}</blockquote>`,
};

describe('no size overflows the stack', () => {
  it.each(Object.entries(HUGE))('renders %s within the width', async (_, html) => {
    const lines = articleLines(await renderArticle(makeArticle(), html, 40));
    expect(lines.length).toBeGreaterThan(100_000);
    const text = toPlainText(lines.slice(-50));
    for (const line of text.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(40);
  });

  it('lists a folder of 130 000 subfolders', async () => {
    const root = tempCorpus({ 'top.md': '---\ntitle: At the top\n---\n' });
    // Made a thousand at a time, so the test process keeps answering (and its time limit holds) while they are.
    for (let start = 0; start < 130_000; start += 1000)
      await Promise.all(
        Array.from({ length: 1000 }, (_, i) => mkdir(path.join(root, `d${start + i}`))),
      );
    writeFileSync(path.join(root, 'd129999', 'deep.md'), '---\ntitle: In the last one\n---\n');
    const result = await runCli(['list', root]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('\tIn the last one\t');
    expect(result.stdout).toContain('\tAt the top\t');
  });

  it('lists a 100 MB file from its head and shows the first 8 MiB of it', async () => {
    const root = tempCorpus({});
    const paragraph = `<p>${'大文件里的一段文字，'.repeat(100)}</p>\n`;
    writeFileSync(
      path.join(root, 'huge.md'),
      `---\ntitle: Huge\ndate: 2021-01-01\n---\n${paragraph.repeat(Math.ceil((100 * 1024 * 1024) / Buffer.byteLength(paragraph)))}`,
    );
    const list = await runCli(['list', root], { cwd: root });
    expect(list.stdout).toMatch(/\tHuge\thuge\.md\n$/);
    const cat = await runCli(['cat', '--width', '40', path.join(root, 'huge.md')]);
    expect(cat.code).toBe(0);
    expect(cat.stderr).toContain('huge.md: longer than 8 MiB; shown up to there');
    expect(cat.stdout.length).toBeGreaterThan(2_000_000);
  });
  it('renders huge and pathological bodies without a crash', async () => {
    const paragraph = '<p>' + '这是一段很长的中文，'.repeat(200) + '</p>\n';
    const root = tempCorpus({});
    writeFileSync(
      path.join(root, 'big.md'),
      post(
        'Big',
        '2021-01-01',
        '<div>' + paragraph.repeat(Math.ceil(8_000_000 / Buffer.byteLength(paragraph))) + '</div>',
      ),
    );
    writeFileSync(
      path.join(root, 'deep.md'),
      post('Deep', '2021-01-01', '<div>'.repeat(20_000) + 'bottom' + '</div>'.repeat(20_000)),
    );
    writeFileSync(
      path.join(root, 'long.md'),
      post('Long', '2021-01-01', '<p>' + '汉字'.repeat(10_000) + '</p>'),
    );
    const result = await runCli(['cat', '--all', '--width', '40', root]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('\nbottom\n');
    for (const line of result.stdout.split('\n'))
      expect(displayWidth(line)).toBeLessThanOrEqual(40);
  });
});
