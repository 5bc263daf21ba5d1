import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.js';
import type { Article } from '../../src/corpus/article.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { shellQuote, TmuxSession, hasTmux, selectedOf, statusOf } from '../e2e/tmux.js';
import { bin, runCli, tempFolder } from '../helpers.js';

/** The time a run may take: a warm start on 20 000 articles and a few keys, on a busy machine. */
const RUN_MS = 120_000;

/** An article's row as the list draws it: its title's number, `第 123 篇`. */
const label = (article: Article) => /^第 \d+ 篇/.exec(article.title)![0];

describe.runIf(hasTmux)('a warm start on 20 000 articles, the newest 300 drawn first', () => {
  let folder: string;
  let listed: Article[];
  let cache: string;
  beforeAll(async () => {
    folder = tempFolder();
    generateCorpus(folder, 20_000);
    listed = (await loadCorpus(folder)).articles;
    cache = tempFolder();
    // The index the warm start draws its first screen from.
    await runCli(['list', folder], { env: { XDG_CACHE_HOME: cache } });
  }, RUN_MS);

  const browser = () =>
    new TmuxSession(`${shellQuote(process.execPath)} ${shellQuote(bin)} ${shellQuote(folder)}`, {
      columns: 100,
      rows: 30,
      env: { XDG_STATE_HOME: tempFolder(), XDG_CACHE_HOME: cache, TERM: 'xterm-256color' },
    });

  it.each(['G', 'End'])(
    'says the rest is loading, and %s at the first frame ends on the last of all 20 000',
    async (key) => {
      const tmux = browser();
      // The first screen says what it is: the newest articles, the rest on their way.
      await tmux.waitForOutput((text) => /the newest 300 articles/.test(text), 'the first screen');
      tmux.send([key]);
      const last = label(listed.at(-1)!);
      const screen = await tmux.waitFor(
        (s) => /20000 articles · \d+ unread/.test(statusOf(s)) && selectedOf(s).includes(last),
        'the last of the whole list selected',
      );
      expect(statusOf(screen)).not.toMatch(/reading the rest/);
      // The rows above it are the ones before it in the whole list.
      expect(screen.join('\n')).toContain(label(listed.at(-2)!));
      tmux.send(['q']);
      expect(await tmux.exitCode()).toBe(0);
    },
    RUN_MS,
  );
});
