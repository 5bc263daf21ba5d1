// Other programs the browser hands things to: the web browser, the editor, the pager, a command.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoCorpus, tempFolder } from '../helpers.js';
import { browserCommand, hasTmux, selectedOf, shellQuote, statusOf, TmuxSession } from './tmux.js';

const status = statusOf;

function browser(env: Record<string, string> = {}, folder = demoCorpus) {
  return new TmuxSession(browserCommand(folder), {
    columns: 100,
    rows: 30,
    env: {
      XDG_STATE_HOME: tempFolder(),
      XDG_CACHE_HOME: tempFolder(),
      TERM: 'xterm-256color',
      ...env,
    },
  });
}

describe.runIf(hasTmux)('programs named by the environment', () => {
  it('takes an empty BROWSER, VISUAL, EDITOR or PAGER as not set', async () => {
    // Stand-ins for the programs used when none is named, each writing down how it was called.
    const bin = tempFolder();
    const log = path.join(tempFolder(), 'log');
    for (const name of ['xdg-open', 'vi', 'less']) {
      const file = path.join(bin, name);
      writeFileSync(
        file,
        `#!/bin/sh\n[ -t 0 ] || cat > /dev/null\necho "${name} $*" >> ${shellQuote(log)}\n`,
      );
      chmodSync(file, 0o755);
    }
    const logged = () => (existsSync(log) ? readFileSync(log, 'utf8') : '');
    const tmux = browser({
      PATH: `${bin}:${process.env.PATH}`,
      BROWSER: '',
      VISUAL: '',
      EDITOR: ' ',
      PAGER: '  ',
    });
    await tmux.waitFor((s) => /32 articles/.test(status(s)), 'the list');
    tmux.send(['/']);
    tmux.send(['Weekly links'], true);
    tmux.send(['Enter']);
    await tmux.waitFor((s) => selectedOf(s).includes('Weekly links'), 'the article with a link');
    tmux.send(['o']);
    await tmux.waitFor((s) => /opened https:\/\/example/.test(status(s)), 'opened');
    expect(logged()).toContain('xdg-open https://example.org/weekly/48');
    tmux.send(['e']);
    await tmux.waitFor(() => logged().includes('vi '), 'the editor');
    expect(logged()).toContain(`vi ${path.join(demoCorpus, 'weekly-links-48.md')}`);
    await tmux.waitFor((s) => selectedOf(s).includes('Weekly links'), 'the list after editing');
    tmux.send(['v']);
    await tmux.waitFor(() => logged().includes('less'), 'the pager');
    await tmux.waitFor((s) => selectedOf(s).includes('Weekly links'), 'the list after paging');
    expect(logged()).not.toMatch(/^vi $/m);
    tmux.send(['q']);
    expect(await tmux.exitCode()).toBe(0);
  });

  it('takes a command that reads none of a long article as having run', async () => {
    // Longer than a pipe holds: the text is still being written when `true` has ended.
    const folder = tempFolder();
    const paragraphs = Array.from({ length: 20_000 }, (_, i) => `Paragraph ${i}.\n\n`).join('');
    writeFileSync(
      path.join(folder, 'long.md'),
      `---\ntitle: Long\ndate: 2026-11-01\n---\n${paragraphs}`,
    );
    const tmux = browser({}, folder);
    await tmux.waitFor((s) => /1 article/.test(status(s)), 'the list');
    tmux.send(['|']);
    await tmux.waitFor((s) => status(s).startsWith('|'), 'the pipe prompt');
    tmux.send(['true'], true);
    tmux.send(['Enter']);
    await tmux.waitFor(
      (s) => s.some((line) => line.includes('[press Enter to return to broadsheet]')),
      'the wait for Enter',
    );
    tmux.send(['Enter']);
    const back = await tmux.waitFor((s) => /1 article/.test(status(s)), 'the list again');
    expect(back.join('\n')).not.toContain('could not start');
    tmux.send(['q']);
    expect(await tmux.exitCode()).toBe(0);
  });

  it('gives each command a clean screen, and leaves none of their output on the shell’s', async () => {
    const tmux = browser();
    await tmux.waitFor((s) => /32 articles/.test(status(s)), 'the list');
    const run = async (word: string) => {
      tmux.send(['|']);
      await tmux.waitFor((s) => status(s).startsWith('|'), 'the pipe prompt');
      tmux.send([`echo ${word}-output`], true);
      tmux.send(['Enter']);
      return tmux.waitFor(
        (s) => s.some((line) => line.includes('[press Enter to return to broadsheet]')),
        `the screen of ${word}`,
      );
    };
    expect((await run('first')).join('\n')).toContain('first-output');
    tmux.send(['Enter']);
    await tmux.waitFor((s) => /32 articles/.test(status(s)), 'the list again');
    const second = (await run('second')).join('\n');
    expect(second).toContain('second-output');
    expect(second).not.toContain('first-output');
    tmux.send(['Enter']);
    await tmux.waitFor((s) => /32 articles/.test(status(s)), 'the list once more');
    tmux.send(['q']);
    expect(await tmux.exitCode()).toBe(0);
    // The shell's screen is as it was: no command's output was printed on it.
    const shell = tmux.screen().join('\n');
    expect(shell).not.toContain('-output');
    expect(shell).not.toContain('press Enter');
  });
});
