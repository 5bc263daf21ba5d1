import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostileArticles } from './fixtures/hostile.js';
import { folderSnapshot, runMain, tempCorpus } from './helpers.js';

const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const STACK = /\n\s+at .+\(|^\s+at /m;

/** A YAML front matter of nine nested alias levels: a billion values when spelled out. */
const YAML_BOMB = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  .concat(
    Array.from({ length: 8 }, (_, i) => {
      const name = String.fromCharCode(98 + i);
      const previous = String.fromCharCode(97 + i);
      return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`;
    }),
  )
  .join('\n');

describe('a folder of hostile articles', () => {
  it('renders all 300 with cat --all: exit 0, no stack trace, no control byte, nothing written', async () => {
    const root = tempCorpus({
      ...hostileArticles(300),
      'bomb.md': `---\ntitle: A YAML bomb\n${YAML_BOMB}\n---\n<p>still here</p>`,
      'deep.md': `---\ntitle: Deep\n---\n${'<div><blockquote><ul><li>'.repeat(5000)}bottom${'</li></ul></blockquote></div>'.repeat(5000)}`,
      'binary.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff]) as unknown as string,
      'latin1.md': Buffer.from([
        ...Buffer.from('---\ntitle: caf'),
        0xe9,
        0xff,
        0xfe,
        ...Buffer.from('\n---\nbody'),
      ]) as unknown as string,
      'empty.md': '',
    });
    mkdirSync(path.join(root, 'loop'));
    symlinkSync(root, path.join(root, 'loop', 'back'));
    symlinkSync(path.join(root, 'nowhere.md'), path.join(root, 'dangling.md'));
    const before = folderSnapshot(root);
    const result = await runMain(['cat', '--all', '--width', '60', root]);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(STACK);
    expect(result.stdout).not.toMatch(CONTROL_BUT_NEWLINE);
    expect(result.stdout).toContain('still here');
    expect(result.stdout).toContain('bottom');
    expect(result.stderr).toContain('bomb.md: front matter too large or self-referring');
    expect(result.stderr).toContain('binary.md: binary file, not an article');
    expect(result.stderr).toContain('dangling.md: broken link');
    for (const args of [
      ['list'],
      ['list', '--json'],
      ['list', '--ndjson'],
      ['categories'],
      ['categories', '--json'],
    ]) {
      const other = await runMain([...args, root]);
      expect(other.code, args.join(' ')).toBe(0);
      expect(other.stderr).not.toMatch(STACK);
      // TSV has its tabs; JSON may carry anything, escaped.
      if (!args.some((a) => a.includes('json')))
        expect(other.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
    const json = JSON.parse((await runMain(['list', '--json', root])).stdout) as Array<{
      path: string;
      meta: object;
    }>;
    expect(json.find((a) => a.path === 'bomb.md')!.meta).toEqual({});
    expect(folderSnapshot(root)).toEqual(before);
  });
});
