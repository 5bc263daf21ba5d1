import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, tempCorpus, tempFolder } from '../helpers.js';
import { hasTmux, selectedOf, shellQuote, statusOf, TmuxSession } from './tmux.js';

const paragraphs = (word: string, count: number) =>
  Array.from({ length: count }, (_, i) => `<p>${word} paragraph ${i + 1}.</p>`).join('\n');

const article = (title: string, date: string, body: string) =>
  `---\ntitle: ${title}\ndate: ${date}\n---\n${body}`;

describe.runIf(hasTmux)('a folder that stays live', () => {
  it('shows an article written into the folder while one is read, without r, and n goes to the next unread', async () => {
    const root = tempCorpus({
      'a.md': article('Alpha news', '2026-11-26 09:00', paragraphs('Alpha', 3)),
      'b.md': article('Beta news', '2026-11-25 09:00', paragraphs('Beta', 60)),
      'c.md': article('Gamma news', '2026-11-24 09:00', paragraphs('Gamma', 3)),
    });
    const tmux = new TmuxSession(
      `${shellQuote(process.execPath)} ${shellQuote(bin)} ${shellQuote(root)}`,
      {
        columns: 90,
        rows: 20,
        env: { XDG_STATE_HOME: tempFolder(), XDG_CACHE_HOME: tempFolder(), TERM: 'xterm-256color' },
      },
    );
    await tmux.waitFor((s) => /3 articles · 3 unread/.test(statusOf(s)), 'the list');
    tmux.send(['j', 'Enter']);
    await tmux.waitFor((s) => s.some((line) => line.includes('Beta paragraph 1.')), 'the reader');
    tmux.send(['Space']);
    const page = await tmux.waitFor(
      (s) =>
        !s.some((line) => line.includes('Beta paragraph 1.')) && /\d+% · Beta/.test(statusOf(s)),
      'the next page',
    );
    const place = page.slice(0, 18).join('\n');
    // Written by another program (a sync job, a git pull) while the article is read.
    writeFileSync(
      path.join(root, 'd.md'),
      article('Delta news', '2026-11-26 11:00', paragraphs('Delta', 2)),
    );
    const told = await tmux.waitFor(
      (s) => /1 new article/.test(statusOf(s)),
      'the new article told',
    );
    // The article read and the place in it are as they were.
    expect(told.slice(0, 18).join('\n')).toBe(place);
    tmux.send(['q']);
    const list = await tmux.waitFor(
      (s) => /4 articles · 3 unread/.test(statusOf(s)),
      'the list with the new article',
    );
    expect(selectedOf(list)).toContain('Beta news');
    expect(list.join('\n')).toContain('Delta news');
    // In the reader with no search, n goes to the next unread article: Gamma, below Beta.
    tmux.send(['Enter']);
    await tmux.waitFor((s) => /Beta news/.test(statusOf(s)), 'Beta again');
    tmux.send(['n']);
    await tmux.waitFor((s) => /Gamma news/.test(statusOf(s)), 'the next unread article');
    tmux.send(['q', 'q']);
    expect(await tmux.exitCode()).toBe(0);
  });
});
