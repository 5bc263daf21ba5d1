import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReadingState } from '../../src/state/reading.js';
import { demoCorpus, tempFolder } from '../helpers.js';
import {
  browserCommand,
  hasTmux,
  selectedOf,
  shellQuote,
  statusOf,
  TmuxSession,
  WAIT_MS,
} from './tmux.js';

const status = statusOf;

/** The browser on the demo articles, with a state folder of its own (or the one given). */
function browser(
  state = tempFolder(),
  columns = 100,
  rows = 30,
  pidFile?: string,
  env: Record<string, string> = {},
): TmuxSession {
  // With a file for its process id, the browser is the shell's own process (exec), to be killed.
  const command = pidFile
    ? `sh -c ${shellQuote(`echo $$ > ${shellQuote(pidFile)}; exec ${browserCommand(demoCorpus)}`)}`
    : browserCommand(demoCorpus);
  return new TmuxSession(command, {
    columns,
    rows,
    env: { XDG_STATE_HOME: state, XDG_CACHE_HOME: tempFolder(), TERM: 'xterm-256color', ...env },
  });
}

describe.runIf(hasTmux)('the status line in a real terminal', () => {
  it.each([
    ['as broadsheet comes', null, /\/ filter .*\? help {2}q quit$/],
    [
      'given in the configuration',
      { keys: { find: 'f', help: 'H' } },
      /f filter .*H help {2}q quit$/,
    ],
  ] as const)(
    'hints the keys in force on an 80×24 terminal, help among them (keys %s)',
    async (_, config, hints) => {
      const env: Record<string, string> = {};
      if (config) {
        env.XDG_CONFIG_HOME = tempFolder();
        mkdirSync(path.join(env.XDG_CONFIG_HOME, 'broadsheet'));
        writeFileSync(
          path.join(env.XDG_CONFIG_HOME, 'broadsheet', 'config.json'),
          JSON.stringify(config),
        );
      }
      const tmux = browser(tempFolder(), 80, 24, undefined, env);
      const screen = await tmux.waitFor((s) => /32 unread/.test(status(s)), 'the list');
      expect(status(screen).trimEnd()).toMatch(hints);
      tmux.send(['q']);
      expect(await tmux.exitCode()).toBe(0);
    },
    WAIT_MS * 2,
  );
});

describe.runIf(hasTmux)('a configuration with problems, in a real terminal', () => {
  it(
    'says how many there are, lists them with their lines under !, and helps with the keys in force',
    async () => {
      const config = tempFolder();
      mkdirSync(path.join(config, 'broadsheet'));
      const file = path.join(config, 'broadsheet', 'config.json');
      writeFileSync(
        file,
        [
          '{',
          '  "keys": {',
          '    "nextUnread": ["n", "ctlr+n"],',
          '    "help": "h",',
          '    "quit": "j"',
          '  },',
          '  "mesure": 80',
          '}',
        ].join('\n'),
      );
      const tmux = browser(tempFolder(), 80, 50, undefined, { XDG_CONFIG_HOME: config });
      await tmux.waitFor(
        (s) => /config\.json: [2-9] problems — see !/.test(status(s)),
        'the count of the problems',
      );
      tmux.send(['!']);
      const problems = (
        await tmux.waitFor((s) => s.some((line) => line.includes('config.json:7')), 'the list')
      ).join('\n');
      expect(problems).toMatch(/config\.json:3\n +"ctlr\+n" is not a key \("ctrl\+n"\?\)/);
      expect(problems).toMatch(/config\.json:7\n +"mesure" is not a setting \("measure"\?\)/);
      expect(problems).toMatch(/config\.json:5\n +"j" for "quit" is also "down"/);
      tmux.send(['x']);
      await tmux.waitFor(
        (s) => !s.some((line) => line.includes('Files with problems')),
        'the list again',
      );
      tmux.send(['h']);
      const screen = (
        await tmux.waitFor((s) => s.some((line) => line.includes('broadsheet — keys')), 'help')
      ).join('\n');
      const help = screen.slice(screen.indexOf(' Article list'), screen.indexOf(' Categories'));
      expect(screen).toMatch(/^ +↓ k Space b scroll this help/m);
      // j quits: help says so once, and down keeps only the key it still has.
      expect(help).toMatch(/^ +j +quit$/m);
      expect(help).toMatch(/^ +down +next article$/m);
      expect(help).not.toMatch(/^ +j down/m);
      tmux.send(['x']);
      await tmux.waitFor(
        (s) => !s.some((line) => line.includes('broadsheet — keys')),
        'the list once more',
      );
      tmux.send(['j']);
      await tmux.exitCode();
    },
    WAIT_MS * 3,
  );
});

describe.runIf(hasTmux)('marks in a real terminal', () => {
  it('reads one article on U then Enter, and lists it until the reader moves in the list', async () => {
    const tmux = browser();
    await tmux.waitFor((s) => /32 articles · 32 unread/.test(status(s)), 'the list');
    tmux.send(['U']);
    await tmux.waitFor((s) => /filter: is:unread/.test(status(s)), 'only unread');
    const first = selectedOf(tmux.screen()).slice(2, 40).trim();
    tmux.send(['Enter']);
    await tmux.waitFor((s) => /\d+%/.test(status(s)), 'the reader');
    tmux.send(['q']);
    // One article read, still listed (and selected) under is:unread.
    const screen = await tmux.waitFor(
      (s) => /32 articles · 31 unread · filter: is:unread/.test(status(s)),
      'the list with one read',
    );
    expect(selectedOf(screen)).toContain(first);
    tmux.send(['j']);
    await tmux.waitFor(
      (s) => /31 of 32 articles · 31 unread/.test(status(s)) && !s.join('\n').includes(first),
      'the list made again without it',
    );
    tmux.send(['q']);
    expect(await tmux.exitCode()).toBe(0);
  });

  it('keeps a mark made moments before the browser is killed with SIGKILL', async () => {
    const state = tempFolder();
    const pidFile = path.join(tempFolder(), 'pid');
    const tmux = browser(state, 100, 30, pidFile);
    await tmux.waitFor((s) => /32 articles · 32 unread/.test(status(s)), 'the list');
    const title = selectedOf(tmux.screen()).slice(2, 40).trim();
    tmux.send(['m']);
    await tmux.waitFor(
      (s) => /marked read.* · 32 articles · 31 unread/.test(status(s)),
      'the mark',
    );
    // Saved on its own, without leaving or quitting: a moment later it is on the disk.
    const folder = path.join(state, 'broadsheet');
    const saved = () =>
      existsSync(folder) &&
      [...ReadingState.inFolder(folder, true).marked()].filter(([, m]) => m.read).length === 1;
    const deadline = Date.now() + WAIT_MS;
    while (!saved()) {
      if (Date.now() > deadline) throw new Error('the mark was never saved');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
    await tmux.exitCode();
    tmux.close();
    // A new browser on the same state has it.
    const again = browser(state);
    const screen = await again.waitFor(
      (s) => /32 articles · 31 unread/.test(status(s)),
      'the list with the mark kept',
    );
    expect(selectedOf(screen)).toContain(title);
    again.send(['q']);
    expect(await again.exitCode()).toBe(0);
  });
});
