import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.js';
import type { Article } from '../../src/corpus/article.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { shellQuote, TmuxSession, hasTmux, selectedOf, statusOf } from '../e2e/tmux.js';
import { bin, demoCorpus, runCli, tempFolder } from '../helpers.js';

/** The time each run may take: a start, two keys and a quit, on a machine busy with other work. */
const RUN_MS = 90_000;

/** The browser on `folder` in a terminal; `ask` lets it ask the terminal what it draws (outside tmux's own variable). */
function browser(cache: string, ask = false, folder = demoCorpus): TmuxSession {
  return new TmuxSession(
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
}

/** Types jj the moment the first screen is drawn, and checks that both reached the list: the third article is selected. */
async function jjAtOnce(tmux: TmuxSession, count: RegExp, third: string, run: number) {
  // Watched in what the program writes, not on the screen: no tmux client is started to look.
  await tmux.waitForOutput((text) => /\S/.test(text), `run ${run}: the first screen`);
  tmux.send(['j', 'j']);
  const screen = await tmux.waitFor(
    (s) => count.test(statusOf(s)) && selectedOf(s).includes(third),
    `run ${run}: the third article selected`,
  );
  // Nothing typed was echoed over the list.
  expect(screen.join('\n')).not.toMatch(/jj|\^\[/);
  tmux.send(['q']);
  expect(await tmux.exitCode()).toBe(0);
  tmux.close();
}

describe.runIf(hasTmux)('keys typed the instant the browser starts', () => {
  let third: string;
  let cache: string;
  beforeAll(async () => {
    third = (await loadCorpus(demoCorpus)).articles[2]!.title.slice(0, 8);
    // A warm start: the first screen is drawn from the index before Ink has even loaded.
    cache = tempFolder();
    await runCli(['list', demoCorpus], { env: { XDG_CACHE_HOME: cache } });
  });

  // Warm and cold starts, with and without the terminal being asked what it can draw.
  it.each(Array.from({ length: 20 }, (_, run) => run))(
    'move two rows with jj: run %i of 20',
    async (run) => {
      const cold = run % 2 === 1;
      const tmux = browser(cold ? tempFolder() : cache, run % 4 >= 2);
      await jjAtOnce(tmux, /32 articles/, third, run);
    },
    RUN_MS,
  );
});

describe.runIf(hasTmux)('keys typed on a folder longer than its first screen', () => {
  // More articles than the newest the first screen is drawn from: the whole list takes its place a moment later.
  let folder: string;
  let listed: Article[];
  let warm: string;
  beforeAll(async () => {
    folder = tempFolder();
    generateCorpus(folder, 3000);
    listed = (await loadCorpus(folder)).articles;
    warm = tempFolder();
    await runCli(['list', folder], { env: { XDG_CACHE_HOME: warm } });
  });

  it.each([0, 1, 2, 3])(
    'are kept as the whole list comes: run %i of 4',
    async (run) => {
      const tmux = browser(warm, false, folder);
      await jjAtOnce(tmux, /3000 articles/, listed[2]!.title.slice(0, 8), run);
    },
    RUN_MS,
  );
});
