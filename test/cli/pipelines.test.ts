// The README's pipelines in a real bash, with `broadsheet` on PATH as an installed package puts it.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, projectRoot, tempCorpus, tempFolder } from '../helpers.js';

const post = (title: string, date: string, extra = '') =>
  `---\ntitle: ${title}\ndate: ${date}\n${extra}---\n<p>Body of ${title}.</p>\n`;

/** A Hexo site: its articles in source/_posts, one of them in a folder of its own. */
function hexoSite(): string {
  return tempCorpus({
    'source/_posts/first.md': post('First post', '2026-11-20 10:00', 'tags: [terminal]\n'),
    'source/_posts/notes/second post.md': post(
      'Second post',
      '2026-11-21 10:00',
      'tags: [terminal]\n',
    ),
    'source/_posts/third.md': post('Third post', '2026-11-22 10:00'),
  });
}

describe('the README pipelines, in a real shell', () => {
  // A folder on PATH holding `broadsheet`, as an installed package puts it there.
  const pathFolder = tempFolder();
  symlinkSync(bin, path.join(pathFolder, 'broadsheet'));
  const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
  const has = (program: string) => spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;
  const shell = (command: string, cwd: string) =>
    execFileSync('bash', ['-o', 'pipefail', '-c', command], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${pathFolder}:${process.env.PATH}`, TZ: 'UTC', NO_COLOR: '1', XDG_CONFIG_HOME: tempFolder() },
    });

  it('xargs: every article of a tag, cat in one go', () => {
    const command = "broadsheet list --tag terminal | cut -f4 | tr '\\n' '\\0' | xargs -0 broadsheet cat";
    expect(readme).toContain(command);
    const out = shell(command, hexoSite());
    expect(out).toMatch(/^Second post\n[\s\S]*Body of Second post\.[\s\S]*\n─+\n\nFirst post\n[\s\S]*Body of First post\./);
    expect(out).not.toContain('Third post');
  });

  it.skipIf(!has('fzf'))('fzf: the line chosen is the article read', () => {
    const chosen = 'broadsheet cat "$(broadsheet list | fzf --delimiter \'\\t\' --with-nth 1,3 --preview \'broadsheet cat --color {4}\')"';
    const several = "broadsheet list | fzf --multi --delimiter '\\t' --with-nth 1,3 | tr '\\n' '\\0' | xargs -0 broadsheet cat | less -R";
    for (const command of [chosen, several]) expect(readme).toContain(command);
    // fzf --filter chooses as a person typing the query would, without a terminal; it prints the shown
    // fields only, where a person's choice gives the whole line back, so the display options are left out.
    const display = / --delimiter '\\t' --with-nth 1,3( --preview '[^']*')?/;
    const site = hexoSite();
    expect(shell(chosen.replace(display, ' --filter=third'), site)).toMatch(/^Third post\n[\s\S]*Body of Third post\./);
    const both = shell(several.replace(display, ' --filter=post --no-sort').replace(' | less -R', ''), site);
    expect(both.match(/^Body of .*$/gm)).toEqual(['Body of Third post.', 'Body of Second post.', 'Body of First post.']);
  });
}); // prettier-ignore
