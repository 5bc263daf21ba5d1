import { describe, expect, it } from 'vitest';
import { firstSearch } from '../e2e/first-search.js';
import { hasTmux, statusOf } from '../e2e/tmux.js';

describe.runIf(hasTmux)('the first search of article text on 20 000 articles, cold', () => {
  it('says how far it is beside the prompt, never that nothing matches, and ends with what list --search prints', async () => {
    const { tmux, titles, screens, seen } = await firstSearch(20_000, 'lighthouse');
    expect(titles).toHaveLength(20);
    // The prompt is still open: how far the search is shows beside it.
    await tmux.waitFor(
      (s) => seen(s) && /^\/lighthouse.*searching article text…/.test(statusOf(s)),
      'the progress beside the prompt',
      undefined,
      20,
    );
    tmux.send(['Enter']);
    await tmux.waitFor(
      (s) => seen(s) && /20 of 20000 articles/.test(statusOf(s)) && !/searching/.test(statusOf(s)),
      'the answer',
      240_000,
      20,
    );
    const wrong = screens.find((s) => s.some((line) => line.includes('No article matches')));
    expect(wrong, wrong?.join('\n')).toBeUndefined();
    tmux.send(['q']);
    expect(await tmux.exitCode()).toBe(0);
  }, 300_000);
});
