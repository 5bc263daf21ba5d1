import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleLines, renderArticle } from '../../src/render/article.js';
import { toPlainText } from '../../src/render/plain.js';
import { displayWidth } from '../../src/text/width.js';
import { makeArticle, runCli, tempCorpus } from '../helpers.js';

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
    for (let i = 0; i < 130_000; i++) mkdirSync(path.join(root, `d${i}`));
    writeFileSync(path.join(root, 'd129999', 'deep.md'), '---\ntitle: In the last one\n---\n');
    const result = await runCli(['list', root]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('\tIn the last one\t');
    expect(result.stdout).toContain('\tAt the top\t');
  }, 120_000);

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
});
