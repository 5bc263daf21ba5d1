import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Article } from '../../src/corpus/article.js';
import { bin, demoCorpus, tempFolder } from '../helpers.js';
import { hasTmux, shellQuote, TmuxSession, statusOf, selectedOf } from './tmux.js';

const status = statusOf;
/** The title on the selected row (the one marked ▸). */
const selected = selectedOf;

/** The browser on the demo articles (or `folder`); `ask` lets it ask the terminal what it draws (outside tmux's own variable). */
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

describe.runIf(hasTmux)('keys in a real terminal', () => {
  let articles: Article[];
  let cache: string;
  beforeAll(async () => {
    articles = (await loadCorpus(demoCorpus)).articles;
    // A warm start: the first screen is drawn from the index before Ink has even loaded.
    cache = tempFolder();
    const cold = browser(cache);
    await cold.waitFor((s) => /32 articles/.test(status(s)), 'the list');
    cold.send(['q']);
    await cold.exitCode();
    cold.close();
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
