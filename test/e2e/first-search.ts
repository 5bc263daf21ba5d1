import { generateCorpus } from '../../bench/generate.js';
import { bin, runCli, tempFolder } from '../helpers.js';
import { shellQuote, statusOf, TmuxSession } from './tmux.js';

/**
 * The first search of article text on a folder whose bodies were never read:
 * what the screen says from the first key to the answer, watched as it
 * changes. On Node 22+ the body index is built (in the background once the
 * list is there, or for the search); on Node 20 every body is read.
 */
export async function firstSearch(count: number, word: string) {
  const folder = tempFolder();
  generateCorpus(folder, count);
  const cache = tempFolder();
  const listed = await runCli(['list', folder, '--search', word], {
    env: { XDG_CACHE_HOME: tempFolder() },
  });
  const titles = listed.stdout
    .trim()
    .split('\n')
    .map((line) => line.split('\t')[2]!);
  const tmux = new TmuxSession(
    `${shellQuote(process.execPath)} ${shellQuote(bin)} ${shellQuote(folder)}`,
    {
      columns: 100,
      rows: 40,
      env: { XDG_STATE_HOME: tempFolder(), XDG_CACHE_HOME: cache, TERM: 'xterm-256color' },
    },
  );
  const total = new RegExp(`${count} articles`);
  await tmux.waitFor((s) => total.test(statusOf(s)), 'the list');
  const screens: string[][] = [];
  const seen = (screen: string[]) => (screens.push(screen), true);
  tmux.send(['/']);
  tmux.send([word], true);
  return { tmux, titles, screens, seen };
}
