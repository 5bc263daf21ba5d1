import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Article } from '../../src/corpus/article.js';
import { generateCorpus } from '../../bench/generate.js';
import { bin, demoCorpus, runCli, tempFolder } from '../helpers.js';
import { shellQuote, TmuxSession, statusOf, selectedOf } from './tmux.js';

const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
});

const status = statusOf;
/** The title on the selected row (the one marked ▸). */
const selected = selectedOf;

/** The browser on the demo articles (or `folder`); `ask` lets it ask the terminal what it draws (outside tmux's own variable). */
function browser(cache: string, ask = false, folder = demoCorpus): TmuxSession {
  const session = new TmuxSession(
    `${shellQuote(process.execPath)} ${shellQuote(bin)} ${shellQuote(folder)}`,
    {
      columns: 100,
      rows: 30,
      env: {
        XDG_STATE_HOME: tempFolder(),
        XDG_CACHE_HOME: cache,
        TERM: 'xterm-256color',
        ...(ask ? { TMUX: '' } : {}),
      },
    },
  );
  sessions.push(session);
  return session;
}

describe('keys in a real terminal', () => {
  let articles: Article[];
  let cache: string;
  beforeAll(async () => {
    articles = (await loadCorpus(demoCorpus)).articles;
    // A warm start: the first screen is drawn from the index before Ink has even loaded.
    cache = tempFolder();
    const cold = browser(cache);
    await cold.waitFor((s) => /32 articles/.test(status(s)), 'the list', 15_000);
    cold.send(['q']);
    await cold.exitCode();
    cold.close();
  });

  it('keeps the keys typed the instant the first screen shows: 20 runs of jj move two rows', async () => {
    const third = articles[2]!.title.slice(0, 8);
    for (let run = 0; run < 20; run++) {
      // Warm and cold starts, with and without the terminal being asked what it can draw.
      const cold = run % 2 === 1;
      const tmux = browser(cold ? tempFolder() : cache, run % 4 >= 2);
      await tmux.waitFor(
        (s) => s.some((line) => line.trim() !== ''),
        `run ${run}: the first screen`,
        15_000,
        5,
      );
      tmux.send(['j', 'j']);
      const screen = await tmux.waitFor(
        (s) => /32 articles/.test(status(s)) && selected(s).includes(third),
        `run ${run}: the third article selected`,
      );
      // Nothing typed was echoed over the list.
      expect(screen.join('\n'), `run ${run}`).not.toMatch(/jj|\^\[/);
      tmux.send(['q']);
      expect(await tmux.exitCode()).toBe(0);
      tmux.close();
    }
  });

  it('keeps them on a folder longer than its first screen, as the whole list takes its place', async () => {
    // More articles than the newest the first screen is drawn from: the whole list comes a moment later.
    const folder = tempFolder();
    generateCorpus(folder, 3000);
    const listed = (await loadCorpus(folder)).articles;
    const third = listed[2]!.title.slice(0, 8);
    const warm = tempFolder();
    await runCli(['list', folder], { env: { XDG_CACHE_HOME: warm } });
    for (let run = 0; run < 4; run++) {
      const tmux = browser(warm, false, folder);
      await tmux.waitFor(
        (s) => s.some((line) => line.trim() !== ''),
        `run ${run}: the first screen`,
        15_000,
        5,
      );
      tmux.send(['j', 'j']);
      await tmux.waitFor(
        (s) => /3000 articles/.test(status(s)) && selected(s).includes(third),
        `run ${run}: the third article selected`,
      );
      tmux.send(['q']);
      expect(await tmux.exitCode()).toBe(0);
      tmux.close();
    }
  });

  it('takes terminal answers out of the keys, however late and however cut', async () => {
    const tmux = browser(cache);
    await tmux.waitFor((s) => /32 articles/.test(status(s)), 'the list');
    const first = articles[0]!.title.slice(0, 8);
    for (let run = 0; run < 8; run++) {
      // A kitty graphics answer (its `G` would jump to the end), device attributes, a colour answer.
      tmux.send(['\u001b_Gi=31;OK\u001b\\'], true);
      tmux.send(['\u001b[?62;4;22c'], true);
      tmux.send(['\u001b_Gi=31;'], true);
      await new Promise((resolve) => setTimeout(resolve, 5));
      tmux.send(['OK\u001b\\'], true);
      tmux.send(['\u001b]11;rgb:0000/0000/0000\u001b\\'], true);
    }
    tmux.send(['j']);
    const screen = await tmux.waitFor(
      (s) =>
        selected(s).includes(articles[1]!.title.slice(0, 8)) &&
        /^ ?32 articles/.test(status(s).trimStart()),
      'the second article selected by j alone, the folder read',
    );
    expect(selected(screen)).not.toContain(first);
    tmux.send(['q']);
    expect(await tmux.exitCode()).toBe(0);
  });
});
