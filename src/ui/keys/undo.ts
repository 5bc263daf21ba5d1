// Undo: the marking actions (m, A, s, an article read by opening it) taken back, the last first.
import type { Article } from '../../corpus/article.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { truncateToWidth } from '../../text/width.js';
import type { Command } from '../keymap.js';
import { dispatchCommand, type Handler } from './context.js';
import { quoted } from '../../text/profile.js';

/** An article as the status line names it: its title, quoted, cut short. */
export function named(article: Article): string {
  return quoted(truncateToWidth(sanitizeLine(article.title), 40));
}

export const undoHandlers = {
  /** `z`: the last marking action taken back, and said; the list made again with the article selected. */
  undo: (browser) => {
    const { reading, history, view, dispatch, say } = browser;
    const step = history.pop();
    if (!step) return say('nothing to undo');
    reading.restore(step.before);
    say(`undone: ${step.said}`);
    if (view.screen === 'reader') {
      // The article being read is unread again: the reader leaves it, as `m` does.
      if (!(step.opened && step.article === browser.article?.absolutePath)) return;
      dispatchCommand(browser, 'back');
    }
    dispatch({ type: 'relist', ...(step.article ? { select: step.article } : {}) });
  },
} satisfies Partial<Record<Command, Handler>>;
