import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../helpers.js';
import { browserCommand, hasTmux, shellQuote, statusOf, TmuxSession } from './tmux.js';

const article = [
  '# Links galore',
  '',
  'Read [the first site](https://first.example.com/a) and [a second one](https://second.example.org/b).',
  '',
  'Mail [the editor](mailto:editor@example.com).',
  '',
].join('\n');

describe.runIf(hasTmux)('the link menu, as a person uses it', () => {
  it('lists the links on L, opens one by keys, one by the mouse, and one by its number', async () => {
    const folder = tempFolder();
    const file = path.join(folder, 'links.md');
    writeFileSync(file, article);
    // A web browser that writes down what it was asked to open.
    const log = path.join(tempFolder(), 'opened');
    const opener = path.join(tempFolder(), 'open-it');
    writeFileSync(opener, `#!/bin/sh\necho "$1" >> ${shellQuote(log)}\n`);
    chmodSync(opener, 0o755);
    const opened = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []);
    const tmux = new TmuxSession(browserCommand(file), {
      columns: 80,
      rows: 20,
      env: {
        XDG_STATE_HOME: tempFolder(),
        XDG_CACHE_HOME: tempFolder(),
        TERM: 'xterm-256color',
        BROWSER: opener,
      },
    });
    await tmux.waitFor((s) => /Links galore/.test(statusOf(s)), 'the article');
    tmux.send(['L']);
    const menu = await tmux.waitFor(
      (s) => s.some((line) => line.includes('Links and pictures (3)')),
      'the menu',
    );
    expect(menu.join('\n')).toMatch(/\[2\] a second one {2}second\.example\.org/);
    tmux.send(['j', 'Enter']);
    await tmux.waitFor(() => opened().length === 1, 'the second link opened');
    expect(opened()).toEqual(['https://second.example.org/b']);
    // The mouse: the third entry is on the fifth row (a title and a blank above the first);
    // a click chooses it, a second opens it.
    const click = `\u001b[<0;6;5M\u001b[<0;6;5m`;
    tmux.send([click], true);
    tmux.send([click], true);
    await tmux.waitFor(() => opened().length === 2, 'the third link opened by the mouse');
    expect(opened()[1]).toBe('mailto:editor@example.com');
    tmux.send(['Escape']);
    await tmux.waitFor(
      (s) => s.some((line) => line.includes('Read the first site')),
      'the article again',
    );
    tmux.send(['1', 'Enter']);
    await tmux.waitFor(() => opened().length === 3, 'link 1 opened by its number');
    expect(opened()[2]).toBe('https://first.example.com/a');
    tmux.send(['q']);
    expect(await tmux.exitCode()).toBe(0);
  });
});
