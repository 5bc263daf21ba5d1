import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { displayWidth } from '../../src/text/width.js';
import { bin, demoCorpus, folderSnapshot } from '../helpers.js';
import { hasTmux, shellQuote, TmuxSession, statusOf } from './tmux.js';

/** The browser on the demo articles, with its own state and cache folders (a cache to share for a warm start). */
function start(
  columns: number,
  rows: number,
  cache = mkdtempSync(path.join(tmpdir(), 'broadsheet-cache-')),
): TmuxSession {
  const state = mkdtempSync(path.join(tmpdir(), 'broadsheet-state-'));
  return new TmuxSession(
    `${shellQuote(process.execPath)} ${shellQuote(bin)} ${shellQuote(demoCorpus)}`,
    {
      columns,
      rows,
      env: { XDG_STATE_HOME: state, XDG_CACHE_HOME: cache, TERM: 'xterm-256color', CI: 'true' },
    },
  );
}

/** The first characters of a title, as a list row shows it however narrow. */
const head = (article: Article) => [...article.title].slice(0, 6).join('');
const status = statusOf;

describe.runIf(hasTmux)('the browser in a real terminal', () => {
  let articles: Article[];
  beforeAll(async () => {
    articles = (await loadCorpus(demoCorpus)).articles;
  });

  it('lists, opens, pages, moves on, filters, helps, resizes and quits cleanly', async () => {
    const tmux = start(100, 30);
    // The newest articles first, in date order.
    // A frame can be caught half-written: wait for its rows and its status line.
    let screen = await tmux.waitFor(
      (s) => s.some((line) => line.includes(head(articles[0]!))) && /32 articles/.test(status(s)),
      'the list',
    );
    const rows = screen.join('\n');
    const positions = articles.slice(0, 5).map((article) => rows.indexOf(head(article)));
    expect(
      positions.every((p) => p >= 0),
      `${JSON.stringify(positions)}\n${rows}`,
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(screen).toHaveLength(30);
    expect(status(screen)).toMatch(/32 articles/);
    expect(screen.indexOf(status(screen))).toBe(28);

    // j, Enter opens the second article.
    tmux.send(['j']);
    tmux.send(['Enter']);
    screen = await tmux.waitFor(
      (s) => s[0]!.includes(head(articles[1]!)) && /\d+%/.test(status(s)),
      'the second article',
    );
    // J shows the third without going back to the list.
    tmux.send(['J']);
    screen = await tmux.waitFor((s) => s[0]!.includes(head(articles[2]!)), 'the third article');
    const firstPage = screen.slice(0, 28).join('\n');
    tmux.send(['Space']);
    // The page and its status line: a frame caught half-written has one without the other.
    screen = await tmux.waitFor(
      (s) => s.slice(0, 28).join('\n') !== firstPage && /^ ?\d+% · /.test(status(s)),
      'the next page',
    );

    // q returns to the list, ? shows the keys.
    tmux.send(['q']);
    await tmux.waitFor((s) => /32 articles/.test(status(s)), 'the list again');
    tmux.send(['?']);
    await tmux.waitFor((s) => s.some((line) => line.includes('broadsheet — keys')), 'help');
    tmux.send(['Escape']);
    await tmux.waitFor(
      (s) => !s.some((line) => line.includes('broadsheet — keys')),
      'the list after help',
    );

    // / and a word from a title narrows the list to it.
    tmux.send(['/']);
    tmux.send(['sourdough'], true);
    screen = await tmux.waitFor(
      (s) =>
        s.some((line) => line.includes('A sourdough starter in seven days')) &&
        !s.some((l) => l.includes(head(articles[0]!))),
      'the filtered list',
    );
    tmux.send(['Enter']);
    screen = await tmux.waitFor((s) => /filter: sourdough/.test(status(s)), 'the kept filter');
    expect(status(screen)).toMatch(/\d+ of 32 articles/);

    // Every key press so far redrew without clearing the screen; only the start did.
    expect(tmux.raw().split('\u001b[2J').length - 1).toBe(1);

    // A resize redraws cleanly at the new size (Ink clears once when the old frame is taller than the new screen).
    tmux.resize(60, 20);
    screen = await tmux.waitFor(
      (s) => s.length === 20 && /filter: sourdough/.test(status(s)) && s.indexOf(status(s)) === 18,
      'the resized screen',
    );
    for (const line of screen) expect(displayWidth(line)).toBeLessThanOrEqual(60);
    // The screen can show the new size before Ink's own redraw for the resize has been written.
    await tmux.settled();
    const afterResize = tmux.raw().length;
    tmux.send(['Escape']);
    await tmux.waitFor((s) => /32 articles/.test(status(s)), 'the cleared filter');
    tmux.send(['j']);
    tmux.send(['k']);
    await tmux.waitFor((s) => s.some((line) => line.startsWith('▸')), 'the selection');
    expect(tmux.raw().slice(afterResize)).not.toContain('\u001b[2J');

    tmux.send(['q']);
    expect(await tmux.exitCode()).toBe(0);
    const raw = tmux.raw();
    expect(raw).toContain('\u001b[?1049h');
    expect(raw.lastIndexOf('\u001b[?1049l')).toBeGreaterThan(raw.lastIndexOf('\u001b[?1049h'));
    expect(raw).toContain('\u001b[?25h');
  });

  it('draws the first screen from the index before Ink has started, on a warm start', async () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'broadsheet-cache-'));
    const cold = start(100, 30, cache);
    await cold.waitFor((s) => /32 articles/.test(status(s)), 'the list');
    cold.send(['q']);
    expect(await cold.exitCode()).toBe(0);
    const warm = start(100, 30, cache);
    const screen = await warm.waitFor(
      (s) => /32 articles/.test(status(s)) && s.some((l) => l.includes(head(articles[0]!))),
      'the warm list',
    );
    const raw = Buffer.from(warm.raw(), 'latin1').toString('utf8');
    const firstTitle = raw.indexOf(head(articles[0]!));
    const firstInkFrame = raw.indexOf('\u001b[?2026h');
    expect(firstTitle).toBeGreaterThan(0);
    expect(firstInkFrame < 0 || firstTitle < firstInkFrame).toBe(true);
    expect(screen.indexOf(status(screen))).toBe(28);
    warm.send(['q']);
    expect(await warm.exitCode()).toBe(0);
  });

  it('gives the terminal back when killed with SIGTERM', async () => {
    const tmux = start(80, 24);
    await tmux.waitFor((s) => /32 articles/.test(status(s)), 'the list');
    const pid = tmux.tmux('list-panes', '-t', 'main', '-F', '#{pane_pid}').trim();
    // The pane runs bash, whose child is node.
    const node = execFileSync('ps', ['-o', 'pid=', '--ppid', pid], { encoding: 'utf8' })
      .trim()
      .split('\n')[0]!
      .trim();
    expect(node).toMatch(/^\d+$/);
    process.kill(Number(node), 'SIGTERM');
    expect(await tmux.exitCode()).toBe(143);
    const raw = tmux.raw();
    expect(raw.lastIndexOf('\u001b[?1049l')).toBeGreaterThan(raw.lastIndexOf('\u001b[?1049h'));
    expect(raw).toContain('\u001b[?25h');
  });
});

describe.runIf(hasTmux)('pictures in a real terminal', () => {
  it('sends kitty pictures as a virtual placement drawn by placeholder text', async () => {
    const state = mkdtempSync(path.join(tmpdir(), 'broadsheet-state-'));
    const demo = path.join(path.dirname(bin), '../articles');
    const before = folderSnapshot(demo);
    const tmux = new TmuxSession(
      `${shellQuote(process.execPath)} ${shellQuote(bin)} ${shellQuote(demo)} --images kitty --offline --search ${shellQuote('title:test card')}`,
      {
        columns: 90,
        rows: 30,
        env: { XDG_STATE_HOME: state, XDG_CACHE_HOME: state, TERM: 'xterm-256color' },
      },
    );
    await tmux.waitFor(
      (s) => s.some((line) => line.includes('A test card for terminal images')),
      'the list',
    );
    tmux.send(['Enter']);
    const screen = await tmux.waitFor(
      (s) => s.some((line) => line.includes('\u{10EEEE}')),
      'the placeholder cells',
    );
    // The picture sits between the paragraphs, inside the frame: not over the header or the status line.
    const rows = screen
      .map((line, i) => [i, line] as const)
      .filter(([, line]) => line.includes('\u{10EEEE}'));
    expect(rows[0]![0]).toBeGreaterThan(2);
    expect(rows.at(-1)![0]).toBeLessThan(28);
    tmux.send(['q']);
    await tmux.waitFor(
      (s) => s.some((line) => line.includes('A test card for terminal images')),
      'the list again',
    );
    tmux.send(['q']);
    expect(await tmux.exitCode()).toBe(0);
    const raw = Buffer.from(tmux.raw(), 'latin1').toString('utf8');
    const placement =
      /\u001b_Ga=T,U=1,i=(\d+),c=(\d+),r=(\d+),f=32,o=z,s=\d+,v=\d+,q=2,m=[01];/.exec(raw);
    expect(placement).not.toBeNull();
    expect(raw).toContain('\u{10EEEE}\u0305\u0305');
    expect(raw).toContain(`\u001b_Ga=d,d=I,i=${placement![1]},q=2\u001b\\`);
    // A whole session, reading marks and all, wrote nothing into the article folder.
    expect(folderSnapshot(demo)).toEqual(before);
  });
});
