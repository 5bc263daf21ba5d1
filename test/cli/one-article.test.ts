// One article from a pipe or a file, where no terminal shows the browser: printed as cat prints it.
import { readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runShell, tempCorpus, tempFolder } from '../helpers.js';

const page =
  '<!DOCTYPE html>\n<html><head><title>A piped page</title></head>\n<body><p>Read from a <a href="https://example.org/pipe">pipe</a>.</p></body></html>\n';
const markdown = '---\ntitle: Piped notes\n---\n# Not the title\n\nSome *notes* and `code`.\n';

/** The temporary copies standard input left behind: none, once the program ended. */
const leftovers = () =>
  readdirSync(tmpdir()).filter((name) => name.startsWith('broadsheet-stdin-'));

describe('one article from a pipe', () => {
  it.each([
    ['cat -', page, /^A piped page\n/, /Read from a pipe\[1\]\./],
    ['cat -', markdown, /^Piped notes\n/, /Some notes and code\./],
    ['-', page, /^A piped page\n/, /\[1\] https:\/\/example\.org\/pipe/],
  ])(
    'broadsheet %s reads it, HTML or Markdown told by its text',
    async (args, text, head, body) => {
      const input = path.join(tempFolder(), 'input');
      writeFileSync(input, text);
      const before = leftovers();
      const { code, stdout, stderr } = await runShell(`broadsheet ${args} --width 60 < "$1"`, [
        input,
      ]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toMatch(head);
      expect(stdout).toMatch(body);
      expect(leftovers()).toEqual(before);
    },
  );

  it('prints it as Markdown and as JSON, its path -', async () => {
    const shell = (format: string) =>
      runShell(`printf '%s' "$1" | broadsheet cat - ${format}`, [page]);
    const md = await shell('--format markdown');
    expect(md.stdout).toContain('[pipe](https://example.org/pipe)');
    const json = await shell('--json');
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({ path: '-', title: 'A piped page' }),
    ]);
  });

  it('says when standard input is no article, and keeps nothing', async () => {
    const before = leftovers();
    const empty = await runShell('broadsheet cat - < /dev/null');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/not an article: standard input: empty file/);
    expect(leftovers()).toEqual(before);
  });
});

describe('one file named where a folder would be', () => {
  it('prints the file when the output is no terminal, .txt without front matter too', async () => {
    const root = tempCorpus({
      'notes.txt': 'Plain words, no front matter.\n',
      'blob.md': new Uint8Array([0, 1, 2, 3, 0, 5]),
    });
    const text = await runShell('broadsheet "$1" | cat', [path.join(root, 'notes.txt')]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^notes\n/);
    expect(text.stdout).toContain('Plain words, no front matter.');
    const binary = await runShell('broadsheet "$1"', [path.join(root, 'blob.md')]);
    expect(binary.code).not.toBe(0);
    expect(binary.stderr).toMatch(/blob\.md: binary file, not an article/);
  });
});
