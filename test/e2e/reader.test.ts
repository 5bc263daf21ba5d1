import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoCorpus, tempFolder } from '../helpers.js';
import { hasTmux, shellQuote, TmuxSession, browserCommand, statusOf, selectedOf } from './tmux.js';

const command = browserCommand;
const status = statusOf;
const selected = selectedOf;

function browser(env: Record<string, string> = {}, args: string[] = [], columns = 100, rows = 30) {
  return new TmuxSession(command(demoCorpus, ...args), {
    columns,
    rows,
    env: {
      XDG_STATE_HOME: env.XDG_STATE_HOME ?? tempFolder(),
      XDG_CACHE_HOME: tempFolder(),
      TERM: 'xterm-256color',
      ...env,
    },
  });
}

/** A shell script that does `body` and can be named as $EDITOR or $PAGER. */
function script(body: string): string {
  const file = path.join(tempFolder(), 'program.sh');
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

describe.runIf(hasTmux)('the browser in a real terminal, as a reader uses it', () => {
  it('pages through the list showing every article, date headings counted', async () => {
    const tmux = browser({}, [], 100, 12);
    let screen = await tmux.waitFor((s) => /32 articles/.test(status(s)), 'the list');
    const rows = (s: string[]) =>
      s.slice(0, -1).filter((line) => /^[▸ ] (\d\d:\d\d|[A-Z][a-z]{2} [ \d]\d|\d{4}-)/.test(line));
    const seen = new Set(rows(screen).map((line) => line.slice(2)));
    // Space moves the selection a page down, until it is on the last (the oldest) article.
    for (let page = 1; page <= 12 && !selected(screen).includes('About these articles'); page++) {
      const before = selected(screen);
      tmux.send(['Space']);
      await tmux.waitFor(
        (s) => selected(s) !== before && /32 articles/.test(status(s)),
        `page ${page}`,
      );
      // The whole page: a frame can be caught half-written.
      await tmux.settled();
      screen = tmux.screen();
      for (const line of rows(screen)) seen.add(line.slice(2));
    }
    expect(selected(screen)).toContain('About these articles');
    expect(seen.size).toBe(32);
    tmux.send(['q']);
    expect(await tmux.exitCode()).toBe(0);
  });

  it('selects with a click, opens with a second, scrolls with the wheel, and gives the mouse back', async () => {
    const tmux = browser({}, [], 100, 12);
    let screen = await tmux.waitFor((s) => /32 articles/.test(status(s)), 'the list');
    expect(tmux.raw()).toContain('\u001b[?1000h\u001b[?1006h');
    // The fifth row of the screen (1-based, SGR reports count from 1).
    const fifth = screen[4]!;
    expect(fifth).toMatch(/^ {2}\S/);
    tmux.send(['\u001b[<0;30;5M', '\u001b[<0;30;5m'], true);
    screen = await tmux.waitFor((s) => selected(s).slice(2) === fifth.slice(2), 'the clicked row');
    tmux.send(['\u001b[<0;30;5M', '\u001b[<0;30;5m'], true);
    screen = await tmux.waitFor((s) => /^ ?\d+%/.test(status(s)), 'the article opened');
    const top = screen[0];
    tmux.send(['\u001b[<65;30;6M', '\u001b[<65;30;6M'], true);
    await tmux.waitFor((s) => s[0] !== top, 'the text scrolled by the wheel');
    tmux.send(['q', 'q']);
    expect(await tmux.exitCode()).toBe(0);
    expect(tmux.raw()).toMatch(/\u001b\[\?1006l\u001b\[\?1000l[^]*$/);
    expect(tmux.raw().lastIndexOf('\u001b[?1000h')).toBeLessThan(
      tmux.raw().lastIndexOf('\u001b[?1000l'),
    );
  });

  it('leaves the mouse to the terminal with --no-mouse', async () => {
    const tmux = browser({}, ['--no-mouse']);
    await tmux.waitFor((s) => /32 articles/.test(status(s)), 'the list');
    tmux.send(['q']);
    expect(await tmux.exitCode()).toBe(0);
    expect(tmux.raw()).not.toContain('\u001b[?1000h');
  });

  it('hands the article to a command, the editor and the pager, and takes the terminal back', async () => {
    const out = tempFolder();
    const editor = script(`echo "$1" > ${shellQuote(path.join(out, 'edited'))}`);
    const pager = script(`cat > ${shellQuote(path.join(out, 'paged'))}`);
    const tmux = browser({ EDITOR: editor, PAGER: pager });
    let screen = await tmux.waitFor((s) => /32 articles/.test(status(s)), 'the list');
    const title = selected(screen).slice(13, 30).trim();
    tmux.send(['|']);
    await tmux.waitFor((s) => status(s).startsWith('|'), 'the pipe prompt');
    tmux.send([`wc -l > ${path.join(out, 'lines')}; echo piped`], true);
    tmux.send(['Enter']);
    screen = await tmux.waitFor(
      (s) => s.some((line) => line.includes('[press Enter to return to broadsheet]')),
      'the command’s screen',
    );
    expect(screen.join('\n')).toContain('piped');
    tmux.send(['Enter']);
    await tmux.waitFor((s) => /32 articles/.test(status(s)), 'the list again');
    expect(Number(readFileSync(path.join(out, 'lines'), 'utf8').trim())).toBeGreaterThan(3);
    tmux.send(['e']);
    await tmux.waitFor(() => existsSync(path.join(out, 'edited')), 'the editor');
    screen = await tmux.waitFor((s) => /32 articles/.test(status(s)), 'the list after editing');
    expect(readFileSync(path.join(out, 'edited'), 'utf8')).toContain(demoCorpus);
    tmux.send(['v']);
    await tmux.waitFor(() => existsSync(path.join(out, 'paged')), 'the pager');
    await tmux.waitFor((s) => /32 articles/.test(status(s)), 'the list after paging');
    expect(readFileSync(path.join(out, 'paged'), 'utf8')).toContain(title);
    // Keys still reach the browser, raw: j moves, nothing is echoed.
    tmux.send(['j']);
    await tmux.waitFor((s) => !selected(s).includes(title), 'j after the hand-overs');
    tmux.send(['q']);
    expect(await tmux.exitCode()).toBe(0);
  });

  it('remembers what was read and starred, and what was searched, from one run to the next', async () => {
    const state = tempFolder();
    const first = browser({ XDG_STATE_HOME: state });
    await first.waitFor((s) => /32 articles · 32 unread/.test(status(s)), 'the list');
    first.send(['Enter']);
    await first.waitFor((s) => /^ ?\d+%/.test(status(s)), 'the reader');
    first.send(['q']);
    await first.waitFor((s) => /31 unread/.test(status(s)), 'one read');
    const firstTitle = selected(first.screen()).slice(13, 40).trim();
    first.send(['j']);
    const moved = await first.waitFor(
      (s) => !selected(s).includes(firstTitle),
      'the second article',
    );
    const starred = selected(moved).slice(13, 40).trim();
    first.send(['s']);
    await first.waitFor((s) => /starred/.test(status(s)), 'starred');
    first.send(['/']);
    first.send(['Sourdough'], true);
    first.send(['Enter']);
    await first.waitFor((s) => /1 of 32/.test(status(s)), 'filtered');
    first.send(['q']);
    expect(await first.exitCode()).toBe(0);

    const second = browser({ XDG_STATE_HOME: state });
    await second.waitFor((s) => /31 unread/.test(status(s)), 'the marks kept');
    second.send(['/', 'Up']);
    await second.waitFor((s) => status(s).startsWith('/Sourdough'), 'the history');
    second.send(['C-u']);
    second.send(['is:starred'], true);
    second.send(['Enter']);
    const screen = await second.waitFor((s) => /1 of 32/.test(status(s)), 'the starred article');
    expect(selected(screen)).toContain(starred);
    second.send(['q']);
    expect(await second.exitCode()).toBe(0);
  });
});
