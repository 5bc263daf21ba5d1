import { describe, expect, it } from 'vitest';
import { demoCorpus, tempFolder } from '../helpers.js';
import { browserCommand, hasTmux, selectedOf, statusOf, TmuxSession } from './tmux.js';

const status = statusOf;

/** The browser on the demo articles, with a state folder of its own (or the one given). */
function browser(state = tempFolder(), columns = 100, rows = 30): TmuxSession {
  return new TmuxSession(browserCommand(demoCorpus), {
    columns,
    rows,
    env: { XDG_STATE_HOME: state, XDG_CACHE_HOME: tempFolder(), TERM: 'xterm-256color' },
  });
}

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
});
