import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../src/text/width.js';
import { demoCorpus, fixtureCorpus, fixtureSeed as seed, runMain, tempCorpus } from './helpers.js';

const post = (title: string, date: string, body: string) =>
  `---\ntitle: ${title}\ndate: ${date}\n---\n${body}\n`;

describe('broadsheet cat', () => {
  it('prints a well-set article to a pipe: header, body, images and unwrapped references', async () => {
    const result = await runMain(['cat', '--width', '60', seed]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('港口新航线开通首日见闻');
    expect(lines[1]).toBe('2021-11-16 21:10 · 新闻/晨报/source · 晨报');
    expect(lines[2]).toBe('');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(60);
    expect(result.stdout).toMatch(/^\[image 1: harbour_a_1024\.jpg\]$/m);
    expect(result.stdout).toMatch(
      /^\[1\] http:\/\/img\.example\.com\/202111\/harbour_a_1024\.jpg$/m,
    );
    expect(result.stdout).toMatch(/^\[3\] https:\/\/tickets\.example\.com\/harbour-line$/m);
    expect(result.stdout).not.toContain('cors.zfour');
    expect(result.stdout).not.toMatch(/<[a-z]+[ >]/);
    expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(result.stdout).not.toMatch(/\n\n\n/);
  });

  it('finds articles relative to -d DIR, to the current folder, or by absolute path', async () => {
    const byDir = await runMain(['cat', '-d', demoCorpus, 'about.md']);
    const byCwd = await runMain(['cat', 'about.md'], { cwd: demoCorpus });
    const absolute = await runMain(['cat', path.join(demoCorpus, 'about.md')]);
    expect(byDir.stdout).toMatch(/^About these articles\n/);
    expect(byCwd.stdout).toBe(byDir.stdout);
    expect(absolute.stdout).toBe(byDir.stdout);
  });

  it('separates several articles with a rule and a blank line', async () => {
    const result = await runMain([
      'cat',
      '--width',
      '30',
      '-d',
      demoCorpus,
      'about.md',
      'first-snow.md',
    ]);
    expect(result.stdout).toContain(`\n${'─'.repeat(30)}\n\n初雪\n`);
  });

  it('prints every matching article in list order with --all and filters', async () => {
    const root = tempCorpus({
      'a.md': post('Older', '2021-01-01', 'first body'),
      'b.md': post('Newer', '2022-01-01', 'second body'),
      'c.md': post('Other', '2020-01-01', 'third body'),
    });
    const all = await runMain(['cat', root, '--all']);
    expect(all.stdout.match(/^(Newer|Older|Other)$/gm)).toEqual(['Newer', 'Older', 'Other']);
    const since = await runMain(['cat', root, '--since', '2021-01-01']);
    expect(since.stdout.match(/^(Newer|Older|Other)$/gm)).toEqual(['Newer', 'Older']);
    const search = await runMain(['cat', root, '--search', 'second']);
    expect(search.stdout.match(/^(Newer|Older|Other)$/gm)).toEqual(['Newer']);
  });

  it('gives fields, text, links and images as JSON', async () => {
    const result = await runMain(['cat', '--json', seed]);
    const [article] = JSON.parse(result.stdout);
    expect(article.title).toBe('港口新航线开通首日见闻');
    expect(article.text).toContain('新航线开通首日，港口迎来了第一批乘客。');
    expect(article.images).toEqual([
      { n: 1, url: 'http://img.example.com/202111/harbour_a_1024.jpg' },
      { n: 2, url: 'http://img.example.com/202111/harbour_b_1024.jpg' },
    ]);
    expect(article.links).toEqual([{ n: 3, url: 'https://tickets.example.com/harbour-line' }]);
    const ndjson = await runMain(['cat', '--ndjson', '-d', demoCorpus, 'weekly-links-48.md']);
    const record = JSON.parse(ndjson.stdout);
    expect(record.links[0]).toEqual({ n: 1, url: 'https://example.org/teletype' });
  });

  it('colours only on a terminal, or when asked, and honours NO_COLOR and FORCE_COLOR', async () => {
    const article = path.join(demoCorpus, 'weekly-links-48.md');
    const hasEscapes = (text: string) => /\u001b\[/.test(text);
    expect(hasEscapes((await runMain(['cat', article])).stdout)).toBe(false);
    expect(hasEscapes((await runMain(['cat', '--color', article])).stdout)).toBe(true);
    expect(
      hasEscapes((await runMain(['cat', article], { env: { FORCE_COLOR: '1' } })).stdout),
    ).toBe(true);
    expect(
      hasEscapes(
        (await runMain(['cat', article], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout,
      ),
    ).toBe(false);
    expect(
      hasEscapes((await runMain(['cat', '--color', '--format', 'plain', article])).stdout),
    ).toBe(false);
    const ansi = (await runMain(['cat', '--format', 'ansi', article])).stdout;
    expect(ansi).toContain('\u001b]8;;https://example.org/teletype\u001b\\');
  });

  it('exits 1 for a missing article but prints the others', async () => {
    const result = await runMain(['cat', '-d', demoCorpus, 'about.md', 'no-such.md']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^About these articles/);
    expect(result.stderr).toBe('broadsheet: no such article: no-such.md\n');
  });

  it('rejects cat without articles or filters with exit 2', async () => {
    for (const args of [['cat'], ['cat', demoCorpus]]) {
      const result = await runMain(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^broadsheet: .+ \(see broadsheet --help\)\n$/);
    }
  });

  it('renders every fixture article with cat --all, exit 0, warnings on stderr', async () => {
    const result = await runMain(['cat', '--all', '--width', '50', fixtureCorpus]);
    expect(result.code).toBe(0);
    const separators = result.stdout.split('\n').filter((line) => line === '─'.repeat(50));
    // Every file but the text file without front matter is an article.
    expect(separators).toHaveLength(readdirSync(fixtureCorpus).length - 2);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^broadsheet: warning: 002\.md: bad YAML/),
      'broadsheet: warning: 003.md: unreadable date: Invalid Date',
      'broadsheet: warning: 011.md: front matter has no closing ---',
    ]);
  });

  it('measures emoji written as entities as the one character each is', async () => {
    const { default: stringWidth } = await import('string-width');
    const emoji = '&#x1F469;&#x200D;&#x1F4BB; '.repeat(9);
    const root = tempCorpus({ 'e.md': post('Entities', '2026-01-01', `<p>${emoji}</p>`) });
    const result = await runMain(['cat', '--width', '11', path.join(root, 'e.md')]);
    const body = result.stdout.split('\n').slice(3).filter(Boolean);
    // Two columns each: four to a line of eleven (counted as four columns, two would fit).
    expect(body).toEqual(['👩‍💻 👩‍💻 👩‍💻 👩‍💻', '👩‍💻 👩‍💻 👩‍💻 👩‍💻', '👩‍💻']);
    for (const line of body) expect(stringWidth(line)).toBeLessThanOrEqual(11);
  });
});

describe('plain text made for the next tool', () => {
  it('numbers pictures, wraps their descriptions, and keeps the target of a linked picture', async () => {
    const alt = 'a long description of a picture that goes on and on past the width';
    const root = tempCorpus({
      'p.md': post(
        'Pictures',
        '2021-01-01',
        `<p>Stars: <a href="https://github.com/x"><img src="https://img.example.org/b.svg" alt="stars"></a></p><img src="https://example.org/a.png" alt="${alt}"><img src="https://example.org/a2.png" alt="${alt}">`,
      ),
    });
    const result = await runMain(['cat', '--width', '30', path.join(root, 'p.md')]);
    expect(result.stdout).toContain('\nStars: [image 1: stars][2]\n');
    expect(result.stdout).not.toContain('…');
    const text = result.stdout.replace(/\n/g, ' ');
    expect(text).toContain(`[image 3: ${alt}]`);
    expect(text).toContain(`[image 4: ${alt}]`);
    expect(result.stdout).toMatch(
      /^\[1\] https:\/\/img\.example\.org\/b\.svg\n\[2\] https:\/\/github\.com\/x$/m,
    );
  });

  it('keeps every URL whole on its line, and every line of code whole and as written', async () => {
    const url = `https://example.org/${'a-long-path-segment/'.repeat(5)}end`;
    const code = 'npm install --save-dev typescript@5.9 @types/node@20 vitest@4\u00a0prettier@3';
    const root = tempCorpus({
      'c.md': post(
        'Code',
        '2021-01-01',
        `<p><a href="${url}">link</a></p><pre>${code}\n\tindented</pre>`,
      ),
    });
    const plain = (await runMain(['cat', '--width', '30', path.join(root, 'c.md')])).stdout;
    expect(plain.match(/https?:\/\/[^ \n]*/g)).toEqual([url]);
    expect(plain).toContain(`\n  ${code.replace('\u00a0', ' ')}\n`);
    expect(plain).toContain(`\n  ${' '.repeat(8)}indented\n`);
    // On a terminal, everything fits the width instead.
    const ansi = (await runMain(['cat', '--color', '--width', '30', path.join(root, 'c.md')]))
      .stdout;
    const visible = ansi.replace(/\u001b\[[0-9;]*m|\u001b\]8;;[^\u001b]*\u001b\\/g, '');
    for (const line of visible.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(30);
  });
});
