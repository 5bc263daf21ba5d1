import { describe, expect, it } from 'vitest';
import { firstSearch } from './first-search.js';
import { hasTmux, statusOf } from './tmux.js';

describe.runIf(hasTmux)('the first search of article text, on a cold body index', () => {
  it('never says that nothing matches while bodies are read, and ends with what list --search prints', async () => {
    const { tmux, titles, screens, seen } = await firstSearch(3000, 'lighthouse');
    expect(titles).toHaveLength(3);
    tmux.send(['Enter']);
    const answer = new RegExp(`${titles.length} of 3000 articles`);
    const screen = await tmux.waitFor(
      (s) => seen(s) && answer.test(statusOf(s)) && !/searching/.test(statusOf(s)),
      'the answer',
      undefined,
      20,
    );
    for (const title of titles) expect(screen.join('\n')).toContain(title.slice(0, 12));
    const wrong = screens.find((s) => s.some((line) => line.includes('No article matches')));
    expect(wrong, wrong?.join('\n')).toBeUndefined();
    tmux.send(['q']);
    expect(await tmux.exitCode()).toBe(0);
  });
});
